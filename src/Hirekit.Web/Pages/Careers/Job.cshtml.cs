using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Careers;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Web.Hosting;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hirekit.Web.Pages.Careers;

/// <summary>
/// A public job ad with its JobPosting markup and the apply form. Posting applies
/// (<c>/careers/{org}/{job}/apply</c>); success redirects to the confirmation
/// (<c>.../applied</c>), which says the same whether or not this person had applied before.
/// </summary>
[EnableRateLimiting(HirekitWebServices.ApplyRateLimit)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class JobModel(GetCareers careers, ApplyToJob apply, JobAccess jobs, FormStamp stamp, ILogger<JobModel> logger) : HirekitPageModel
{
    /// <summary>The 10 MB resume plus room for the other fields, so an oversized file gets a form error, not a bare 413.</summary>
    public const int MaxRequestBytes = 12 * 1024 * 1024;

    public CareersJob Posting { get; private set; } = null!;

    public Kit Kit { get; private set; } = null!;

    public string JsonLd { get; private set; } = "";

    public string Stamp { get; private set; } = "";

    public bool Applied { get; private set; }

    [BindProperty]
    public ApplyForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string orgSlug, string jobSlug, CancellationToken ct) =>
        await LoadAsync(orgSlug, jobSlug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAppliedAsync(string orgSlug, string jobSlug, CancellationToken ct)
    {
        Applied = true;
        return await LoadAsync(orgSlug, jobSlug, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostApplyAsync(string orgSlug, string jobSlug, IFormFile? resume, CancellationToken ct)
    {
        if (!await LoadAsync(orgSlug, jobSlug, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Form.Website) || !stamp.LooksHuman(Form.Stamp))
        {
            // A filled honeypot or an instant or replayed post: answer like a success, keep nothing.
            logger.LogInformation("Discarded an automated-looking application to job {JobId}", Posting.Job.Id);
            return RedirectToPage(null, "applied", new { orgSlug, jobSlug });
        }

        ApplyToJob.Upload? upload = null;
        if (resume is { Length: > 0 })
        {
            if (resume.Length > Hirekit.Core.Candidates.ResumeFiles.MaxBytes)
            {
                ModelState.AddModelError("Form.Resume", "The resume file is larger than 10 MB.");
                return Page();
            }

            using var buffer = new MemoryStream((int)resume.Length);
            await resume.CopyToAsync(buffer, ct);
            upload = new ApplyToJob.Upload(resume.FileName, buffer.ToArray());
        }

        var result = await apply.HandleAsync(new ApplyToJob.Request(orgSlug, jobSlug, Form.Name, Form.Email, Form.Phone, Form.ResumeText, upload, Form.Consent), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!, nameof(Form));
            return Page();
        }

        return RedirectToPage(null, "applied", new { orgSlug, jobSlug });
    }

    private async Task<bool> LoadAsync(string orgSlug, string jobSlug, CancellationToken ct)
    {
        var result = await careers.JobAsync(orgSlug, jobSlug, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Posting = result.Value;
        Kit = await jobs.KitOfAsync(Posting.Job, ct);
        var html = Markdown.ToHtml(JobDescriptionRenderer.ToMarkdown(Posting.Job, Kit)).ToString() ?? "";
        JsonLd = JobPostingJsonLd.For(Posting.Organization, Posting.Job, html, $"{Request.Scheme}://{Request.Host}/careers/{orgSlug}/{jobSlug}");
        Stamp = stamp.Issue();
        return true;
    }

    public sealed class ApplyForm
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(120)]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [StringLength(40)]
        public string? Phone { get; set; }

        [Display(Name = "Resume text")]
        public string? ResumeText { get; set; }

        /// <summary>Only the form error is keyed here; the file arrives as its own parameter.</summary>
        public string? Resume { get; set; }

        public bool Consent { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by naive bots.</summary>
        public string? Website { get; set; }

        public string? Stamp { get; set; }
    }
}
