using Hirekit.Core.Onboarding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hirekit.Web.Pages.Public;

/// <summary>The new hire's plan behind their secret link, read-only; unknown or expired links are 404.</summary>
public sealed class PlanModel(ViewPublishedPlan view) : PageModel
{
    public PublishedPlan Published { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var result = await view.HandleAsync(token, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Published = result.Value;
        return Page();
    }
}
