using Hirekit.Core.Careers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hirekit.Web.Pages.Careers;

public sealed class IndexModel(GetCareers careers) : PageModel
{
    public CareersPage Careers { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string orgSlug, CancellationToken ct)
    {
        var result = await careers.HandleAsync(orgSlug, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Careers = result.Value;
        return Page();
    }
}
