using System.Globalization;
using System.Text;
using Hirekit.Core.Common;
using Hirekit.Core.Mail;

namespace Hirekit.Core.AsyncScreens;

/// <summary>
/// The written screen's e-mail: the candidate's invitation and reminder (each with a secret link
/// and the deadline in the organisation's time zone), and the reviewers' notice that the answers
/// are in. None carries a calendar: a written screen is not a meeting.
/// </summary>
public sealed class AsyncScreenMail(PublicLinks links)
{
    public const string InviteKind = "async_screen.invite";
    public const string ReminderKind = "async_screen.reminder";
    public const string SubmittedKind = "async_screen.submitted";

    public string Link(string token) => links.To($"/s/{token}");

    /// <summary>"Thursday 26 November 2026, 17:00 (Europe/Berlin)".</summary>
    public static string Deadline(DateTimeOffset deadline, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{TimeZoneInfo.ConvertTime(deadline, zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    public OutgoingMail Invitation(AsyncScreen screen, string token, string candidateName, string candidateEmail, string jobTitle, string organizationName, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {candidateName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"As the next step of your application for {jobTitle} at {organizationName}, we would like you to answer {Count(screen.Questions.Count)} in writing.")
            .AppendLine("There is no timer: write when it suits you, save drafts as often as you like, and submit once when you are done.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Your questions: {Link(token)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Please submit by: {Deadline(screen.Deadline, zone)}")
            .AppendLine()
            .AppendLine("The link is personal: whoever has it can read and change your answers until you submit, so please do not share it.")
            .ToString();
        return new OutgoingMail(Ids.New(), screen.OrganizationId, InviteKind, candidateEmail, candidateName, $"{organizationName}: written questions for your {jobTitle} application", body, null, null, now);
    }

    public OutgoingMail Reminder(DueScreenReminder due, string token, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {due.CandidateName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"A reminder: your written answers for the {due.JobTitle} role at {due.OrganizationName} are due by {Deadline(due.Screen.Deadline, zone)}.")
            .AppendLine("Anything you saved is still there. This link opens the same questions as the one in our first message:")
            .AppendLine()
            .AppendLine(Link(token))
            .ToString();
        return new OutgoingMail(Ids.New(), due.Screen.OrganizationId, ReminderKind, due.CandidateEmail, due.CandidateName, $"Reminder: written questions due for {due.JobTitle}", body, null, null, now);
    }

    public OutgoingMail Submitted(Guid organizationId, Guid interviewId, string reviewerName, string reviewerEmail, string candidateName, string jobTitle, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {reviewerName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{candidateName} submitted the written screen for {jobTitle}. You are one of its reviewers.")
            .AppendLine("Score each answer against the question's indicators before you read anyone else's scorecard.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Answers and your scorecard: {links.To($"/interviews/{interviewId}/kit")}")
            .ToString();
        return new OutgoingMail(Ids.New(), organizationId, SubmittedKind, reviewerEmail, reviewerName, $"Written screen to review: {candidateName}, {jobTitle}", body, null, null, now);
    }

    private static string Count(int n) => n == 1 ? "one question" : $"{n} questions";
}
