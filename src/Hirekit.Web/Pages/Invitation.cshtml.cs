using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Accounts;
using Hirekit.Core.Sessions;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages;

/// <summary>Joining an organisation from an admin's invitation link.</summary>
public sealed class InvitationModel(AcceptInvitation accept, SignIn signIn) : HirekitPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public InvitationForm Form { get; set; } = new();

    public PendingInvitation? Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await accept.FindAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Pending = await accept.FindAsync(Token, ct);
        if (Pending is null)
        {
            return Page();
        }

        var result = await accept.HandleAsync(new AcceptInvitation.Request(Token, Form.DisplayName, Form.Password ?? ""), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!, nameof(Form));
            return Page();
        }

        var session = await signIn.HandleAsync(new SignIn.Request(result.Value.Email, Form.Password ?? ""), ct);
        if (session.IsSuccess)
        {
            SignInCookie.Issue(HttpContext, session.Value.Token);
            return Redirect("/");
        }

        return Redirect("/signin");
    }

    public sealed class InvitationForm
    {
        [Display(Name = "Your name")]
        public string? DisplayName { get; set; }

        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
