using Hirekit.Core.Sessions;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages;

/// <summary>Signing out is a POST (a link cannot sign anyone out) and deletes the session on the server.</summary>
public sealed class SignOutModel(SignOut signOut) : HirekitPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (HirekitClaims.SessionIdOf(User) is { } sessionId)
        {
            await signOut.HandleAsync(Actor, sessionId, ct);
        }

        SignInCookie.Clear(HttpContext);
        return Redirect("/signin");
    }
}
