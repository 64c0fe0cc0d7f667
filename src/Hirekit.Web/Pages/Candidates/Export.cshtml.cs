using System.Text;
using Hirekit.Core.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// The candidates as a CSV download for signed-in admins and recruiters (the API's export takes
/// bearer tokens only). The columns are the import's, so a file can go back in.
/// </summary>
public sealed class ExportModel(ExportCandidates export) : RecruitingPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await export.HandleAsync(Actor, ct);
        return result.IsSuccess
            ? File(Encoding.UTF8.GetBytes(result.Value), "text/csv; charset=utf-8", "candidates.csv")
            : Refusal(result.Error!) ?? Forbid();
    }
}
