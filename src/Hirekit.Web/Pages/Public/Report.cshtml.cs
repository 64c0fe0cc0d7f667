using Hirekit.Core.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hirekit.Web.Pages.Public;

/// <summary>
/// The candidate's report behind their secret link; no account. Any failure (unknown, never sent,
/// revoked, expired) is the same 404. Responses are not cached by browsers or proxies.
/// </summary>
public sealed class ReportModel(ViewPublishedReport view) : PageModel
{
    public PublishedReport Published { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var result = await view.HandleAsync(token, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        (Published, Token) = (result.Value, token);
        return Page();
    }
}
