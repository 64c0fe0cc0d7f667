using System.Globalization;
using Hirekit.Core.Common;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Interviews;

/// <summary>The shape rules of an interview's schedule, shared by scheduling and rescheduling.</summary>
public static class InterviewRules
{
    public const int MaxInterviewers = 10;
    public const int MaxLocation = 200;
    public const int MaxVideoUrl = 500;
    public const int MaxCancelReason = 500;

    /// <summary>How far back an interview may be entered (recording one that already happened) and how far ahead.</summary>
    public static readonly TimeSpan MaxPast = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(730);

    public static void CheckSchedule(Dictionary<string, string[]> fields, DateTimeOffset startsAt, int duration, string? location, string? videoUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (startsAt < now - MaxPast || startsAt > now + MaxAhead)
        {
            fields["startsAt"] = ["Choose a start within the last 30 days or the next two years."];
        }

        if (duration is < 5 or > 480)
        {
            fields["durationMinutes"] = ["An interview lasts 5 to 480 minutes."];
        }

        if (location is { Length: > MaxLocation })
        {
            fields["location"] = [$"A place has at most {MaxLocation} characters."];
        }

        if (videoUrl is not null && (videoUrl.Length > MaxVideoUrl || !Uri.TryCreate(videoUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            fields["videoUrl"] = ["A video link is a full http or https address."];
        }
    }

    /// <summary>Checks the interviewers against the organisation's active members; returns them as people.</summary>
    public static List<Person> CheckInterviewers(Dictionary<string, string[]> fields, IReadOnlyList<Guid> interviewers, IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(interviewers);
        var byId = people.Where(p => p.IsActive).ToDictionary(p => p.UserId);
        if (interviewers.Count is 0 or > MaxInterviewers)
        {
            fields["interviewers"] = [$"Choose 1 to {MaxInterviewers} interviewers."];
            return [];
        }

        var unknown = interviewers.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            fields["interviewers"] = unknown.Select(id => $"{id} is not an active member of the organisation.").ToArray();
            return [];
        }

        return interviewers.Select(id => byId[id]).ToList();
    }

    /// <summary>Each double booking as a sentence, times in the organisation's zone.</summary>
    public static string[] Describe(IReadOnlyList<InterviewConflict> conflicts, IReadOnlyList<Person> people, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var names = people.ToDictionary(p => p.UserId, p => p.Name);
        return conflicts.Select(c =>
        {
            var start = TimeZoneInfo.ConvertTime(c.StartsAt, zone);
            var end = TimeZoneInfo.ConvertTime(c.EndsAt, zone);
            return $"{names.GetValueOrDefault(c.UserId, "An interviewer")} already has an interview on {start.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)} to {end.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone.Id}).";
        }).ToArray();
    }

    public static Error DoubleBooked(IReadOnlyList<InterviewConflict> conflicts, IReadOnlyList<Person> people, OrganizationSettings settings) =>
        new(ErrorKind.Conflict, "interview.double_booked", "An interviewer is already booked at that time. Schedule anyway to keep both.", new Dictionary<string, string[]> { ["interviewers"] = Describe(conflicts, people, settings.Zone) });

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
