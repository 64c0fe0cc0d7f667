using Hirekit.Core.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// Merges a duplicate (this page's candidate) into the candidate to keep, in two steps: find the
/// one to keep by name or e-mail, then confirm with both side by side. The duplicate's
/// applications move over, empty details of the kept candidate are filled in, and the duplicate
/// leaves the lists but stays on record.
/// </summary>
public sealed class MergeModel(GetCandidateProfile getProfile, ListCandidates listCandidates, MergeCandidates merge) : RecruitingPageModel
{
    public const int Matches = 10;

    public Candidate Duplicate { get; private set; } = null!;

    public int DuplicateApplications { get; private set; }

    /// <summary>The candidate to keep, at the confirmation step.</summary>
    public GetCandidateProfile.Response? Keep { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    public IReadOnlyList<CandidateSummary> Candidates { get; private set; } = [];

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid candidateId, Guid? keep, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (await LoadAsync(candidateId, ct) is { } refusal)
        {
            return refusal;
        }

        if (keep is { } keepId)
        {
            return await LoadKeepAsync(keepId, ct) ?? Page();
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            Searched = true;
            var result = await listCandidates.HandleAsync(Actor, new CandidateQuery(Text.Trim(), null, null, null, CandidateSorts.Newest, null, Matches + 1), ct);
            if (result.IsSuccess)
            {
                Candidates = result.Value.Items.Where(c => c.Id != candidateId).Take(Matches).ToList();
            }
            else
            {
                ModelState.AddModelError("q", result.Error!.Message);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid candidateId, Guid keep, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await merge.HandleAsync(Actor, keep, candidateId, ct);
        if (result.IsSuccess)
        {
            Flash = "Merged. The duplicate's applications and missing details are now on this profile.";
            return Redirect($"/candidates/{keep}");
        }

        if (Refusal(result.Error!) is { } refusal)
        {
            return refusal;
        }

        if (await LoadAsync(candidateId, ct) is { } gone)
        {
            return gone;
        }

        ModelState.AddModelError(string.Empty, result.Error!.Message);
        return await LoadKeepAsync(keep, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid candidateId, CancellationToken ct)
    {
        var profile = await getProfile.HandleAsync(Actor, candidateId, ct);
        if (!profile.IsSuccess)
        {
            return Refusal(profile.Error!) ?? NotFound();
        }

        if (profile.Value.Candidate.MergedIntoId is not null)
        {
            return NotFound();
        }

        Duplicate = profile.Value.Candidate;
        DuplicateApplications = profile.Value.Applications.Count;
        return null;
    }

    private async Task<IActionResult?> LoadKeepAsync(Guid keepId, CancellationToken ct)
    {
        if (keepId == Duplicate.Id)
        {
            ModelState.AddModelError(string.Empty, "Choose another candidate to keep: a candidate cannot merge into itself.");
            return null;
        }

        var keep = await getProfile.HandleAsync(Actor, keepId, ct);
        if (!keep.IsSuccess || keep.Value.Candidate.MergedIntoId is not null)
        {
            ModelState.AddModelError(string.Empty, "That candidate no longer exists. Search again.");
            return null;
        }

        Keep = keep.Value;
        return null;
    }
}
