using System.Globalization;
using System.Text.RegularExpressions;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>
/// The job ad: editors get the structured form with the kit's guidance, the lint findings (shown
/// while editing; they guide, they never block saving) and a preview; everyone else on the job
/// reads the rendered ad.
/// </summary>
public sealed partial class DescriptionModel(JobAccess access, UpdateJobDescription update) : JobPageModel(access)
{
    public IReadOnlyList<LintFinding> Findings { get; private set; } = [];

    [BindProperty]
    public DescriptionForm Form { get; set; } = new();

    /// <summary>The form's errors in the order of its fields.</summary>
    public IReadOnlyList<FormError> Errors => FormErrors.Summary(
        ModelState,
        key => key.StartsWith("Form.Pay", StringComparison.Ordinal) ? "pay" : key == "Form.Description" ? "sections-heading" : FormErrors.IdOf(key),
        ["Form.Title", "Form.Location", "Form.LocationCode", "Form.EmploymentType", "Form.CompensationRegion", "Form.ValidThrough", "Form.Pay", "Form.PayMin", "Form.PayMax", "Form.Description"]);

    /// <summary>The kit's pay band for the job's level and region, when the kit has one.</summary>
    public (CompensationBand Band, CompensationRegion Region)? Band
    {
        get
        {
            var region = Kit.Compensation?.Regions.FirstOrDefault(r => r.Id == Job.CompensationRegion);
            var band = Kit.Compensation?.Bands.FirstOrDefault(b => b.Level == Job.TargetLevel && b.Region == Job.CompensationRegion);
            return region is null || band is null ? null : (band, region);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        Form = DescriptionForm.From(Job, Kit);
        Findings = LintJob.Lint(Context);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        // A range with one end missing goes to the use case as an impossible one, so it is reported
        // together with every other field instead of on its own first.
        var pay = Form.PayMin is null && Form.PayMax is null ? null : new PayRange(Form.PayMin ?? -1, Form.PayMax ?? -1, Form.PayCurrency?.Trim() ?? "");
        if (ModelState.IsValid)
        {
            var result = await update.HandleAsync(Actor, jobId, new UpdateJobDescription.Request(
                Form.Title ?? "", Form.Location ?? "", Form.LocationCode, Form.Remote, Form.EmploymentType ?? "",
                string.IsNullOrWhiteSpace(Form.CompensationRegion) ? null : Form.CompensationRegion, Form.ValidThrough,
                Form.About, Form.StackPrimary, Form.StackDetails, Form.Scale, Form.Challenge, Form.SuccessCriteria, Form.Team, pay), ct);
            if (result.IsSuccess)
            {
                var count = result.Value.Findings.Count;
                Flash = count switch
                {
                    0 => "Description saved. The lint has nothing to add.",
                    1 => "Description saved. One lint finding is worth a look.",
                    _ => $"Description saved. {count} lint findings are worth a look.",
                };
                return Redirect($"/jobs/{jobId}/description");
            }

            if (JobRefusal(result.Error!) is { } refused)
            {
                return refused;
            }

            AddErrors(result.Error!, nameof(Form));
        }

        Findings = LintJob.Lint(Context);
        return Page();
    }

    /// <summary>The kit's guidance for a section of the description (kit job_description.sections), when it has some.</summary>
    public JobDescriptionSection? Section(string id) => Kit.JobDescription?.Sections.FirstOrDefault(s => s.Id == id);

    /// <summary>The lint findings about one field of the form.</summary>
    public IReadOnlyList<LintFinding> FindingsFor(string field) => Findings.Where(f => f.Field == field).ToList();

    /// <summary>The id of the form element a lint finding is about.</summary>
    public static string FieldAnchor(string field) => field switch
    {
        "pay" => "pay",
        "" => "description-form",
        _ => $"Form_{char.ToUpperInvariant(field[0])}{field[1..]}",
    };

    /// <summary>
    /// The ad as HTML with its headings moved down by <paramref name="levels"/>, so it sits under
    /// the page's own headings in order (the ad starts with its own "# Title").
    /// </summary>
    public string AdMarkdown(int levels) =>
        HeadingPattern().Replace(JobDescriptionRenderer.ToMarkdown(Job, Kit), m => new string('#', Math.Min(6, m.Groups[1].Length + levels)) + " ");

    [GeneratedRegex(@"^(#{1,6}) ", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    public sealed class DescriptionForm
    {
        public string? Title { get; set; }

        public string? Location { get; set; }

        public string? LocationCode { get; set; }

        public bool Remote { get; set; }

        public string? EmploymentType { get; set; }

        public string? CompensationRegion { get; set; }

        public DateOnly? ValidThrough { get; set; }

        public int? PayMin { get; set; }

        public int? PayMax { get; set; }

        public string? PayCurrency { get; set; }

        public string? About { get; set; }

        public string? StackPrimary { get; set; }

        public string? StackDetails { get; set; }

        public string? Scale { get; set; }

        public string? Challenge { get; set; }

        public string? SuccessCriteria { get; set; }

        public string? Team { get; set; }

        public string ValidThroughText => ValidThrough?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

        /// <summary>The saved job in the form; without a pay range, the currency of the job's compensation region is suggested.</summary>
        public static DescriptionForm From(Job job, Kit kit)
        {
            ArgumentNullException.ThrowIfNull(job);
            var d = job.Description;
            return new DescriptionForm
            {
                Title = job.Title,
                Location = job.Location.Name,
                LocationCode = job.Location.Code,
                Remote = job.Location.Remote,
                EmploymentType = job.EmploymentType,
                CompensationRegion = job.CompensationRegion,
                ValidThrough = job.ValidThrough,
                PayMin = d.Pay?.Min,
                PayMax = d.Pay?.Max,
                PayCurrency = d.Pay?.Currency ?? kit?.Compensation?.Regions.FirstOrDefault(r => r.Id == job.CompensationRegion)?.Currency,
                About = d.About,
                StackPrimary = d.StackPrimary,
                StackDetails = d.StackDetails,
                Scale = d.Scale,
                Challenge = d.Challenge,
                SuccessCriteria = d.SuccessCriteria,
                Team = d.Team,
            };
        }
    }
}
