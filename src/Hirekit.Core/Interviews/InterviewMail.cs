using System.Globalization;
using System.Text;
using Hirekit.Core.Common;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Interviews;

/// <summary>What a schedule change announces, and to whom: the interviewers, and the candidate when the interview says so.</summary>
public sealed record InterviewAnnouncement(
    Interview Interview,
    string Method,
    string Kind,
    Person Organizer,
    IReadOnlyList<Person> Interviewers,
    string CandidateName,
    string CandidateEmail,
    string JobTitle,
    string OrganizationName,
    TimeZoneInfo Zone,
    DateTimeOffset Now);

/// <summary>
/// Writes interview invitations, updates and cancellations. Interviewers get the internal event
/// (all interviewers as attendees, a link to the interviewer kit); the candidate gets their own
/// event with only themselves as attendee and no internal links. Both share the interview's UID.
/// </summary>
public sealed class InterviewMail(PublicLinks links)
{
    public string KitUrl(Guid interviewId) => links.To($"/interviews/{interviewId}/kit");

    public IReadOnlyList<OutgoingMail> ForInterviewers(InterviewAnnouncement a, IReadOnlyList<Person> recipients)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(recipients);
        var calendar = ICalendar.Write(InternalEvent(a), a.Method);
        var subject = $"{Verb(a)}: {a.CandidateName}, {a.Interview.Plan.StageName}";
        var body = new StringBuilder()
            .AppendLine(Opening(a, $"the {a.Interview.Plan.StageName} interview with {a.CandidateName} for {a.JobTitle}", withReason: true))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"When: {When(a.Interview, a.Zone)}")
            .AppendLine(Where(a.Interview))
            .AppendLine(CultureInfo.InvariantCulture, $"Interviewers: {string.Join(", ", a.Interviewers.Select(p => p.Name))}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Interviewer kit and scorecard: {KitUrl(a.Interview.Id)}")
            .ToString();
        return recipients.Select(r => Mail(a, r.Email, r.Name, subject, body, calendar)).ToList();
    }

    public static OutgoingMail ForCandidate(InterviewAnnouncement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var candidate = new CalendarPerson(a.CandidateName, a.CandidateEmail);
        var e = new CalendarEvent(
            a.Interview.CalendarUid,
            a.Interview.Sequence,
            a.Now,
            a.Interview.StartsAt,
            a.Interview.EndsAt,
            $"{a.OrganizationName}: {a.Interview.Plan.StageName} interview",
            $"Your {a.Interview.Plan.StageName} interview for {a.JobTitle} at {a.OrganizationName}, {a.Interview.DurationMinutes} minutes.{VideoLine(a.Interview)}",
            a.Interview.Location ?? a.Interview.VideoUrl,
            a.Interview.VideoUrl,
            new CalendarPerson(a.Organizer.Name, a.Organizer.Email),
            [candidate],
            a.Method == ICalendar.Cancel);
        var subject = $"{Verb(a)}: your {a.Interview.Plan.StageName} interview with {a.OrganizationName}";
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {a.CandidateName},")
            .AppendLine()
            .AppendLine(Opening(a, $"your {a.Interview.Plan.StageName} interview for {a.JobTitle} at {a.OrganizationName}", withReason: false))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"When: {When(a.Interview, a.Zone)}")
            .AppendLine(Where(a.Interview))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Questions about it? Reply to {a.Organizer.Name} at {a.Organizer.Email}.")
            .ToString();
        return Mail(a, a.CandidateEmail, a.CandidateName, subject, body, ICalendar.Write(e, a.Method));
    }

    /// <summary>The event interviewers see, also served as the interview's downloadable .ics.</summary>
    public CalendarEvent InternalEvent(InterviewAnnouncement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var i = a.Interview;
        return new CalendarEvent(
            i.CalendarUid,
            i.Sequence,
            a.Now,
            i.StartsAt,
            i.EndsAt,
            $"Interview: {a.CandidateName}, {i.Plan.StageName} ({a.JobTitle})",
            $"{i.Plan.StageName} interview with {a.CandidateName} for {a.JobTitle}.\nInterviewer kit and scorecard: {KitUrl(i.Id)}{VideoLine(i)}",
            i.Location ?? i.VideoUrl,
            KitUrl(i.Id),
            new CalendarPerson(a.Organizer.Name, a.Organizer.Email),
            a.Interviewers.Select(p => new CalendarPerson(p.Name, p.Email)).ToList(),
            a.Method == ICalendar.Cancel || i.IsCancelled);
    }

    /// <summary>"Tuesday 3 March 2026, 10:00 to 11:00 (Europe/Berlin)".</summary>
    public static string When(Interview interview, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(zone);
        var start = TimeZoneInfo.ConvertTime(interview.StartsAt, zone);
        var end = TimeZoneInfo.ConvertTime(interview.EndsAt, zone);
        var culture = CultureInfo.InvariantCulture;
        return $"{start.ToString("dddd d MMMM yyyy, HH:mm", culture)} to {end.ToString(end.Date == start.Date ? "HH:mm" : "dddd d MMMM, HH:mm", culture)} ({zone.Id})";
    }

    private static string Where(Interview i) =>
        (i.Location, i.VideoUrl) switch
        {
            (not null, not null) => $"Where: {i.Location}\nVideo: {i.VideoUrl}",
            (not null, null) => $"Where: {i.Location}",
            (null, not null) => $"Video: {i.VideoUrl}",
            _ => "Where: to be confirmed",
        };

    private static string VideoLine(Interview i) => i.VideoUrl is null ? "" : $"\nVideo: {i.VideoUrl}";

    private static string Verb(InterviewAnnouncement a) => a.Kind switch
    {
        MailKinds.InterviewCancel => "Cancelled",
        MailKinds.InterviewUpdate => "Updated",
        _ => "Interview",
    };

    /// <summary>The first sentence; the cancellation reason is internal and goes to interviewers only.</summary>
    private static string Opening(InterviewAnnouncement a, string what, bool withReason) => a.Kind switch
    {
        MailKinds.InterviewCancel => $"{char.ToUpperInvariant(what[0])}{what[1..]} is cancelled.{(withReason && a.Interview.CancelReason is { Length: > 0 } r ? $" Reason: {r}" : "")}",
        MailKinds.InterviewUpdate => $"The details of {what} changed. The new details are below.",
        _ => $"You are invited to {what}.",
    };

    private static OutgoingMail Mail(InterviewAnnouncement a, string to, string name, string subject, string body, string calendar) =>
        new(Ids.New(), a.Interview.OrganizationId, a.Kind, to, name, subject, body, calendar, a.Method, a.Now);
}
