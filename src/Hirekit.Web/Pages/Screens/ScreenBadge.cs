using Hirekit.Core.AsyncScreens;
using Hirekit.Web.Pages.Candidates;

namespace Hirekit.Web.Pages.Screens;

/// <summary>The short line a pipeline card or an application page shows for a written screen.</summary>
public static class ScreenBadge
{
    public static string Text(AsyncScreenBadge badge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(badge);
        return Text(badge.StatusAt(now), badge.Deadline);
    }

    public static string Text(string status, DateTimeOffset deadline) => status switch
    {
        AsyncScreenStatuses.Sent => $"Screen sent, due {RecruitingText.Date(deadline)}",
        AsyncScreenStatuses.InProgress => $"Screen started, due {RecruitingText.Date(deadline)}",
        AsyncScreenStatuses.Submitted => "Screen submitted",
        AsyncScreenStatuses.Late => "Screen late",
        AsyncScreenStatuses.Expired => "Screen expired",
        _ => "Screen cancelled",
    };
}
