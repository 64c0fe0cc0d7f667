using System.Globalization;
using System.Text;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Feedback;

/// <summary>The e-mail that brings a candidate their report. It carries the link and nothing of the report itself.</summary>
public static class FeedbackMail
{
    public static OutgoingMail Report(string link, Candidate candidate, string jobTitle, string organizationName, FeedbackReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(report);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {candidate.Name},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for interviewing for {jobTitle} at {organizationName}. We wrote down what came through in your interviews, competency by competency, with suggestions for what to study next.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Read your feedback report: {link}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link is personal and works until {report.ExpiresAt!.Value.UtcDateTime:d MMMM yyyy}. You can print the page or download it as a PDF.")
            .ToString();
        return new OutgoingMail(Ids.New(), report.OrganizationId, MailKinds.FeedbackReport, candidate.Email, candidate.Name, $"Your interview feedback from {organizationName}", body, null, null, now);
    }
}
