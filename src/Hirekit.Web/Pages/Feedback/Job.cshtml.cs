using Hirekit.Core.Common;
using Hirekit.Core.Feedback;
using Hirekit.Core.Jobs;
using Hirekit.Web.Pages.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Feedback;

/// <summary>
/// Every candidate of a job with where their feedback report stands (no report, draft, approved,
/// sent, viewed), and one button that drafts reports for all whose process ended after an
/// interview. Admins and recruiters only.
/// </summary>
public sealed class JobModel(JobAccess access, ListJobFeedback list, DraftJobFeedback draftAll) : JobPageModel(access)
{
    public IReadOnlyList<FeedbackListItem> Items { get; private set; } = [];

    /// <summary>The job has more candidates with interviews than the list shows.</summary>
    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct) => await LoadListAsync(jobId, ct) ?? Page();

    public async Task<IActionResult> OnPostDraftAllAsync(Guid jobId, CancellationToken ct)
    {
        var result = await draftAll.HandleAsync(Actor, jobId, ct);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!) ?? NotFound();
        }

        Flash = result.Value.Drafted switch
        {
            0 => "No report was due: every candidate whose process ended after an interview already has one.",
            1 => "One draft written. Review it before approving.",
            var n => $"{n} drafts written. Review each before approving.",
        } + (result.Value.More ? " More are due: draft again for the next batch." : "");
        return RedirectToPage(new { jobId });
    }

    private async Task<IActionResult?> LoadListAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await list.HandleAsync(Actor, jobId, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }

        (Items, More) = (result.Value.Items, result.Value.More);
        return null;
    }
}
