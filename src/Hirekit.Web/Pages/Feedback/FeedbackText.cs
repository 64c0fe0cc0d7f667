using Hirekit.Core.Feedback;

namespace Hirekit.Web.Pages.Feedback;

/// <summary>How a report's state reads on staff pages.</summary>
public static class FeedbackText
{
    public static string Status(FeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Status(report.Status, report.ViewedAt);
    }

    public static string Status(string? status, DateTimeOffset? viewedAt) => status switch
    {
        null => "No report",
        FeedbackReportStatuses.Draft => "Draft",
        FeedbackReportStatuses.Approved => "Approved",
        FeedbackReportStatuses.Sent when viewedAt is not null => "Viewed",
        FeedbackReportStatuses.Sent => "Sent",
        FeedbackReportStatuses.Revoked => "Link revoked",
        _ => status,
    };
}
