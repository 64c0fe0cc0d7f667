using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// A candidate's profile: details, resume (downloaded through a permission-checked handler, never
/// from a static path), applications with their stage, adding them to another open job, and the
/// dated facts of their history. Missing, merged-away-and-hidden or out-of-reach candidates are
/// the friendly 404.
/// </summary>
[RequestSizeLimit(NewModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = NewModel.MaxRequestBytes)]
public sealed class ProfileModel(GetCandidateProfile getProfile, GetResumeFile getResume, UploadResume upload, CreateApplication apply, ListJobs listJobs, ListCandidateInterviews listInterviews) : RecruitingPageModel
{
    /// <summary>Interviews still to come, of the jobs the member may see.</summary>
    public IReadOnlyList<InterviewSummary> Upcoming { get; private set; } = [];

    /// <summary>One dated line of the profile's history.</summary>
    public sealed record Fact(DateTimeOffset At, string Text, Guid? ApplicationId);

    public Candidate Candidate { get; private set; } = null!;

    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    /// <summary>Open jobs the member may add the candidate to, without the ones they already applied to.</summary>
    public IReadOnlyList<JobSummary> JobChoices { get; private set; } = [];

    public IReadOnlyList<Fact> History { get; private set; } = [];

    [BindProperty]
    public Guid? ApplyJobId { get; set; }

    [BindProperty]
    public IFormFile? ResumeFile { get; set; }

    /// <summary>The application that already exists, after adding the candidate to a job twice.</summary>
    public Guid? ExistingApplicationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid candidateId, CancellationToken ct) =>
        await LoadAsync(candidateId, ct) ?? Page();

    /// <summary>The resume as a download with its checked content type, to members who may see the candidate.</summary>
    public async Task<IActionResult> OnGetResumeAsync(Guid candidateId, CancellationToken ct)
    {
        var result = await getResume.HandleAsync(Actor, candidateId, null, ct);
        return result.IsSuccess
            ? File(result.Value.Content, result.Value.File.ContentType, result.Value.File.OriginalName)
            : Refusal(result.Error!) ?? NotFound();
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid candidateId, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (ResumeFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(ResumeFile), "Choose a resume file.");
        }
        else if (file.Length > ResumeFiles.MaxBytes)
        {
            ModelState.AddModelError(nameof(ResumeFile), "The resume file is larger than 10 MB.");
        }
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var result = await upload.HandleAsync(Actor, candidateId, file.FileName, buffer.ToArray(), ct);
            if (result.IsSuccess)
            {
                Flash = "The new resume is attached.";
                return Redirect($"/candidates/{candidateId}");
            }

            if (Refusal(result.Error!) is { } refusal)
            {
                return refusal;
            }

            ModelState.AddModelError(nameof(ResumeFile), result.Error!.Message);
        }

        return await LoadAsync(candidateId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid candidateId, CancellationToken ct)
    {
        if (!CanMove)
        {
            return Forbid();
        }

        if (ApplyJobId is not { } jobId)
        {
            ModelState.AddModelError(nameof(ApplyJobId), "Choose a job.");
            return await LoadAsync(candidateId, ct) ?? Page();
        }

        // The profile must be visible to the member before anything is added to it.
        var visible = await getProfile.HandleAsync(Actor, candidateId, ct);
        if (!visible.IsSuccess)
        {
            return Refusal(visible.Error!) ?? NotFound();
        }

        var result = await apply.HandleAsync(Actor, new CreateApplication.Request(candidateId, jobId, null), ct);
        if (result.IsSuccess)
        {
            Flash = "Added to the job's pipeline at Applied.";
            return Redirect($"/applications/{result.Value.Id}");
        }

        if (result.Error!.Code == "application.exists" && Guid.TryParse(result.Error.Fields?.GetValueOrDefault("existingApplicationId")?.FirstOrDefault(), out var existing))
        {
            ExistingApplicationId = existing;
            ModelState.AddModelError(nameof(ApplyJobId), "The candidate is already in this job's pipeline.");
        }
        else if (result.Error.Kind is ErrorKind.NotFound or ErrorKind.Forbidden)
        {
            ModelState.AddModelError(nameof(ApplyJobId), "You cannot add candidates to that job.");
        }
        else
        {
            ModelState.AddModelError(nameof(ApplyJobId), result.Error.Message);
        }

        return await LoadAsync(candidateId, ct) ?? Page();
    }

    /// <summary>Loads the page; a refusal when the candidate is out of reach.</summary>
    private async Task<IActionResult?> LoadAsync(Guid candidateId, CancellationToken ct)
    {
        var profile = await getProfile.HandleAsync(Actor, candidateId, ct);
        if (!profile.IsSuccess)
        {
            return Refusal(profile.Error!) ?? NotFound();
        }

        Candidate = profile.Value.Candidate;
        Applications = profile.Value.Applications.OrderByDescending(a => a.Application.CreatedAt).ToList();
        Upcoming = (await listInterviews.HandleAsync(Actor, candidateId, ct)).Value;
        if (CanMove && Candidate.MergedIntoId is null)
        {
            var jobs = await listJobs.HandleAsync(Actor, new ListJobs.Request(JobStatuses.Open, null, Paging.MaxPageSize), ct);
            var applied = Applications.Select(a => a.Application.JobId).ToHashSet();
            // After a refused add, the chosen job stays in the list so the form can show why.
            var kept = ModelState.IsValid ? null : ApplyJobId;
            JobChoices = jobs.IsSuccess ? jobs.Value.Items.Where(j => !applied.Contains(j.Id) || j.Id == kept).ToList() : [];
        }

        var facts = new List<Fact> { new(Candidate.CreatedAt, $"Added ({RecruitingText.Source(Candidate.Source)})", null) };
        foreach (var a in Applications)
        {
            facts.Add(new(a.Application.CreatedAt, $"Applied to {a.JobTitle}", a.Application.Id));
            if (a.Application.UpdatedAt > a.Application.CreatedAt)
            {
                facts.Add(new(a.Application.UpdatedAt, $"Last change in {a.JobTitle}: now {StageOf(a)}", a.Application.Id));
            }
        }

        History = facts.OrderBy(f => f.At).Reverse().ToList();
        return null;
    }

    public static string StageOf(ApplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return RecruitingText.StageName(summary.Application.Stage, summary.Application.StageId, null, summary.StageName);
    }
}
