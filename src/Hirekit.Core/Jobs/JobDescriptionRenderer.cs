using System.Globalization;
using System.Text;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

/// <summary>Turns a structured job description into Markdown (HTML is rendered from it by the web layer).</summary>
public static class JobDescriptionRenderer
{
    public static string ToMarkdown(Job job, Kit kit)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(kit);
        var d = job.Description;
        var md = new StringBuilder();
        md.Append("# ").AppendLine(job.Title).AppendLine();
        md.Append("**Location:** ").Append(job.Location.Name).Append(job.Location.Remote ? " (remote)" : "")
            .Append(" · **Level:** ").Append(job.TargetLevel.Label())
            .Append(" · **Employment:** ").AppendLine(EmploymentLabel(job.EmploymentType)).AppendLine();
        Paragraph(md, d.About);
        Section(md, Title(kit, "stack", "Our stack"), d.StackPrimary.Length > 0 ? $"**Primary:** {d.StackPrimary}\n\n{d.StackDetails}" : d.StackDetails);
        Section(md, Title(kit, "scale", "Scale"), d.Scale);
        Section(md, Title(kit, "challenge", "The challenge for the next 12 months"), d.Challenge);
        Section(md, Title(kit, "success", "What success looks like after 6 months"), d.SuccessCriteria);
        Section(md, Title(kit, "team", "The team"), d.Team);
        if (d.Pay is { } pay)
        {
            Section(md, Title(kit, "pay", "Pay"), string.Create(CultureInfo.InvariantCulture, $"{pay.Min:N0} to {pay.Max:N0} {pay.Currency} a year (base salary)."));
        }

        return md.ToString().TrimEnd() + "\n";
    }

    public static string EmploymentLabel(string type) => type switch
    {
        "FULL_TIME" => "Full time",
        "PART_TIME" => "Part time",
        "CONTRACTOR" => "Contract",
        "TEMPORARY" => "Temporary",
        "INTERN" => "Internship",
        _ => type,
    };

    private static string Title(Kit kit, string section, string fallback) =>
        kit.JobDescription?.Sections.FirstOrDefault(s => s.Id == section)?.Title ?? fallback;

    private static void Section(StringBuilder md, string title, string body)
    {
        if (!string.IsNullOrWhiteSpace(body))
        {
            md.Append("## ").AppendLine(title).AppendLine();
            Paragraph(md, body);
        }
    }

    private static void Paragraph(StringBuilder md, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            md.AppendLine(text.Trim()).AppendLine();
        }
    }
}
