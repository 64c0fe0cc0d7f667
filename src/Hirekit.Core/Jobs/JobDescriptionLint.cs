using System.Globalization;
using System.Text.RegularExpressions;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

/// <summary>A problem of a job description: which rule, which field, why it matters and how to fix it.</summary>
public sealed record LintFinding(string Rule, string Field, string Message, string Fix);

/// <summary>Everything the lint needs about the job besides its description.</summary>
public sealed record JobLintInput(string Title, JobDescription Description, Level TargetLevel, JobLocation Location, string? Specialisation, string? CompensationRegion);

/// <summary>
/// Checks a job description against the kit's guidance (kit.job_description and compensation):
/// tool-list bloat, missing success criteria, no scale figures, a missing pay range where the
/// location requires one (or the kit asks for one), pay outside the kit's band for the level and
/// region (the specialist premium raises the top), seniority words of another level, and any
/// other required section left empty.
/// </summary>
public static class JobDescriptionLint
{
    public static IReadOnlyList<LintFinding> Check(Kit kit, JobLintInput job)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(job);
        var findings = new List<LintFinding>();
        var guide = kit.JobDescription;
        var d = job.Description;
        var allText = string.Join("\n", job.Title, d.About, d.StackPrimary, d.StackDetails, d.Scale, d.Challenge, d.SuccessCriteria, d.Team);

        if (guide is not null)
        {
            var technologies = guide.Lint.Technologies.Where(t => Contains(allText, t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (technologies.Count > guide.Lint.MaxTechnologiesWithoutPrimary && string.IsNullOrWhiteSpace(d.StackPrimary))
            {
                var pattern = AntiPattern(guide, "tool-list-bloat");
                findings.Add(new LintFinding(
                    "tool_list_bloat",
                    "stackPrimary",
                    $"The description names {technologies.Count} technologies ({string.Join(", ", technologies.Take(12))}) but no primary stack. {pattern?.Explanation}".Trim(),
                    pattern?.Fix ?? "Name the language, framework and data store the engineer will use every day, and move the rest to a short 'also in use' line."));
            }
        }

        if (string.IsNullOrWhiteSpace(d.SuccessCriteria))
        {
            var pattern = guide is null ? null : AntiPattern(guide, "missing-success-criteria");
            findings.Add(new LintFinding("missing_success_criteria", "successCriteria", pattern?.Explanation ?? "Without success criteria candidates cannot judge the role, and you cannot judge the hire.", pattern?.Fix ?? "Write what must be true after 6 months, with figures."));
        }
        else if (!HasNumber(d.SuccessCriteria))
        {
            findings.Add(new LintFinding("unmeasurable_success_criteria", "successCriteria", "The 6-month success criteria contain no figure, so nobody can tell later whether they were met.", "Add a measurable target: a latency, a coverage figure, a date, a number of services migrated."));
        }

        if (!HasNumber(d.Scale))
        {
            findings.Add(new LintFinding("no_scale_figures", "scale", "Without figures, candidates cannot tell a 100-request-a-day service from a 100-million one, and the best-matched engineers cannot recognise themselves.", "Give numbers: requests per day or second, data volume, number of customers or services, latency targets."));
        }

        CheckPay(kit, job, findings);
        CheckSeniority(kit, job, findings);

        foreach (var section in guide?.Sections.Where(s => s.Required) ?? [])
        {
            var (field, value) = section.Id switch
            {
                "stack" => ("stackPrimary", d.StackPrimary),
                "challenge" => ("challenge", d.Challenge),
                "team" => ("team", d.Team),
                _ => ("", "present"),
            };
            if (field.Length > 0 && string.IsNullOrWhiteSpace(value) && findings.All(f => f.Field != field))
            {
                findings.Add(new LintFinding("missing_section", field, $"The section \"{section.Title}\" is empty.", section.Guidance));
            }
        }

        return findings;
    }

    private static void CheckPay(Kit kit, JobLintInput job, List<LintFinding> findings)
    {
        var pay = job.Description.Pay;
        if (pay is null)
        {
            var required = job.Location.Code is { } code && (kit.JobDescription?.Lint.PayRangeRequiredIn.Contains(code, StringComparer.OrdinalIgnoreCase) ?? false);
            var pattern = kit.JobDescription is null ? null : AntiPattern(kit.JobDescription, "missing-pay");
            if (required)
            {
                findings.Add(new LintFinding("pay_range_required", "pay", $"Job ads for {job.Location.Code} must state a pay range by law.", "Add the yearly base pay range you will actually offer."));
            }
            else if (kit.JobDescription?.Sections.Any(s => s.Id == "pay" && s.Required) == true)
            {
                findings.Add(new LintFinding("missing_section", "pay", pattern?.Explanation ?? "The description has no pay range.", pattern?.Fix ?? "Add the yearly base pay range."));
            }

            return;
        }

        var compensation = kit.Compensation;
        var region = compensation?.Regions.FirstOrDefault(r => r.Id == job.CompensationRegion);
        var band = compensation?.Bands.FirstOrDefault(b => b.Level == job.TargetLevel && b.Region == job.CompensationRegion);
        if (compensation is null || region is null || band is null)
        {
            return;
        }

        if (!string.Equals(region.Currency, pay.Currency, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new LintFinding("pay_currency_mismatch", "pay", $"The kit's band for {region.Name} is in {region.Currency}; the range is in {pay.Currency}, so it cannot be checked.", $"State the range in {region.Currency}, or choose the compensation region the job is paid in."));
            return;
        }

        var premium = kit.Specialisations.FirstOrDefault(s => s.Id == job.Specialisation)?.Premium == true;
        var top = premium ? (int)Math.Round(band.Max * (1 + (compensation.Premium.MaxPercent / 100m))) : band.Max;
        if (pay.Min < band.Min || pay.Max > top)
        {
            var limits = premium ? $"{band.Min:N0}-{top:N0} {region.Currency} (band {band.Min:N0}-{band.Max:N0} plus up to {compensation.Premium.MaxPercent.ToString(CultureInfo.InvariantCulture)}% specialist premium)" : $"{band.Min:N0}-{band.Max:N0} {region.Currency}";
            findings.Add(new LintFinding(
                "pay_outside_band",
                "pay",
                $"The range {pay.Min:N0}-{pay.Max:N0} {pay.Currency} falls outside the kit's {job.TargetLevel.Label()} band for {region.Name}: {limits} (source: {compensation.Source}, as of {compensation.AsOf:yyyy-MM-dd}).",
                "Align the range with the band, or raise the target level if the role really pays at the next band. An offer outside the band will need an admin's approval."));
        }
    }

    private static void CheckSeniority(Kit kit, JobLintInput job, List<LintFinding> findings)
    {
        var words = kit.JobDescription?.Lint.SeniorityWords;
        if (words is null)
        {
            return;
        }

        // The title and the opening paragraph set the level a reader perceives; verbs such as "lead"
        // in the body are normal at every level, so the body is not checked.
        var text = $"{job.Title}\n{job.Description.About}";
        foreach (var group in words.Where(w => w.Level != job.TargetLevel))
        {
            var found = group.Words.Where(w => Contains(text, w)).ToList();
            if (found.Count > 0)
            {
                var pattern = kit.JobDescription is null ? null : AntiPattern(kit.JobDescription, "vague-seniority");
                findings.Add(new LintFinding(
                    "seniority_mismatch",
                    "title",
                    $"\"{string.Join("\", \"", found)}\" signals a {group.Level.Label()} role, but the job targets {job.TargetLevel.Label()}. {pattern?.Explanation}".Trim(),
                    pattern?.Fix ?? $"Use the words of the {job.TargetLevel.Label()} level, or change the target level."));
            }
        }
    }

    private static AntiPattern? AntiPattern(JobDescriptionGuide guide, string id) => guide.AntiPatterns.FirstOrDefault(a => a.Id == id);

    private static bool HasNumber(string? text) => text is not null && text.Any(char.IsAsciiDigit);

    /// <summary>Whole-word, case-insensitive: "go" matches "Go 1.23" but not "good".</summary>
    private static bool Contains(string text, string term) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
