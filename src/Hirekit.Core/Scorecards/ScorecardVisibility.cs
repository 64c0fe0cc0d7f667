using Hirekit.Core.Interviews;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Scorecards;

/// <summary>
/// Independence of scorecards. Drafts are only ever read by their interviewer. Submitted
/// scorecards of an application are read by:
/// <list type="bullet">
/// <item>whoever manages the job (admins, recruiters, its hiring managers), except that a manager
/// who is also an interviewer with a draft still open waits like any interviewer (unless the
/// setting is "always");</item>
/// <item>its interviewers, per the organisation's setting: "after_submit" (default) once all their
/// own scorecards of the application are submitted, "always" at any time, "never" not at all.</item>
/// </list>
/// Drafts of cancelled interviews do not hold anyone back.
/// </summary>
public static class ScorecardVisibility
{
    public static bool SeesOthers(string setting, bool managesJob, IReadOnlyList<ScorecardEntry> own)
    {
        ArgumentNullException.ThrowIfNull(own);
        var live = own.Where(e => e.Card.IsSubmitted || e.InterviewStatus != InterviewStatuses.Cancelled).ToList();
        var waiting = live.Any(e => !e.Card.IsSubmitted);
        if (managesJob)
        {
            return setting == ScorecardVisibilities.Always || !waiting;
        }

        return live.Count > 0 && setting switch
        {
            ScorecardVisibilities.Always => true,
            ScorecardVisibilities.AfterOwnSubmission => !waiting,
            _ => false,
        };
    }
}
