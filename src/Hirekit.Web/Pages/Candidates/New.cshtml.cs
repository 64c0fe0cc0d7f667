using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// Adds a candidate by hand, optionally with a resume file and straight into an open job's
/// pipeline. The file is checked by its bytes before anything is saved, so a refused file leaves
/// no half-made candidate behind. A taken e-mail links to the candidate who has it.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class NewModel(CreateCandidate create, UploadResume upload, CreateApplication apply, ListJobs listJobs) : RecruitingPageModel
{
    /// <summary>The 10 MB resume plus room for the other fields, so an oversized file gets a form error, not a bare 413.</summary>
    public const int MaxRequestBytes = ResumeFiles.MaxBytes + (1024 * 1024);

    public sealed class CandidateForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        /// <summary>One address per line.</summary>
        public string? Links { get; set; }

        public string? Source { get; set; }

        public Guid? JobId { get; set; }
    }

    [BindProperty]
    public CandidateForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Resume { get; set; }

    /// <summary>The candidate who already has the entered e-mail, after a refused attempt.</summary>
    public Guid? ExistingCandidateId { get; private set; }

    public IReadOnlyList<JobSummary> OpenJobs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        Form.JobId = job;
        await LoadJobsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Remove($"{nameof(Form)}.{nameof(CandidateForm.JobId)}");
        byte[]? resume = null;
        if (Resume is { Length: > 0 } file)
        {
            if (file.Length > ResumeFiles.MaxBytes)
            {
                ModelState.AddModelError(nameof(Resume), "The resume file is larger than 10 MB.");
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                resume = buffer.ToArray();
                if (ResumeFiles.Detect(resume) is null)
                {
                    ModelState.AddModelError(nameof(Resume), "The file is not a PDF, a Word document (.docx) or plain text, whatever its name says.");
                }
            }
        }

        var input = new CandidateFields.Input(Form.Name, Form.Email, Form.Phone, Lines(Form.Links), Form.Source, null);
        foreach (var (field, messages) in CandidateFields.Check(input, out _))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(FieldKey(field), message);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            await LoadJobsAsync(ct);
            return Page();
        }

        var created = await create.HandleAsync(Actor, input, ct);
        if (!created.IsSuccess)
        {
            if (Refusal(created.Error!) is { } refusal)
            {
                return refusal;
            }

            ShowError(created.Error!);
            await LoadJobsAsync(ct);
            return Page();
        }

        var candidate = created.Value;
        var notes = new List<string> { $"Added {candidate.Name}." };
        if (resume is not null)
        {
            var stored = await upload.HandleAsync(Actor, candidate.Id, Resume!.FileName, resume, ct);
            notes.Add(stored.IsSuccess ? "The resume is attached." : $"The resume was not attached: {stored.Error!.Message}");
        }

        if (Form.JobId is { } jobId)
        {
            var applied = await apply.HandleAsync(Actor, new CreateApplication.Request(candidate.Id, jobId, null), ct);
            notes.Add(applied.IsSuccess ? "They are in the job's pipeline at Applied." : $"They were not added to the job: {applied.Error!.Message}");
        }

        Flash = string.Join(' ', notes);
        return Redirect($"/candidates/{candidate.Id}");
    }

    /// <summary>A use case's refusal on the form: a taken e-mail on the e-mail field with a link to its owner.</summary>
    private void ShowError(Error error)
    {
        if (error.Code == "candidate.duplicate_email" && error.Fields?.TryGetValue("existingCandidateId", out var ids) == true && Guid.TryParse(ids.FirstOrDefault(), out var existing))
        {
            ExistingCandidateId = existing;
            ModelState.AddModelError(FieldKey("email"), "A candidate with this e-mail address already exists.");
            return;
        }

        AddErrors(error, nameof(Form));
    }

    private async Task LoadJobsAsync(CancellationToken ct)
    {
        var jobs = await listJobs.HandleAsync(Actor, new ListJobs.Request(JobStatuses.Open, null, Paging.MaxPageSize), ct);
        OpenJobs = jobs.IsSuccess ? jobs.Value.Items : [];
    }

    internal static string FieldKey(string field) => $"{nameof(Form)}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    internal static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
