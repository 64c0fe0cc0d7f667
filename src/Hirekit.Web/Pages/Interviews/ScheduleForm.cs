using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hirekit.Core.Interviews;
using Hirekit.Core.Settings;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// The fields shared by scheduling and rescheduling. The start is a wall-clock time in the
/// organisation's time zone (an HTML datetime-local value); the page turns it into an instant.
/// </summary>
public class ScheduleForm
{
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    [Required(ErrorMessage = "Choose when the interview starts.")]
    public string? Start { get; set; }

    [Range(5, 480, ErrorMessage = "An interview lasts 5 to 480 minutes.")]
    public int? DurationMinutes { get; set; }

    public List<Guid> Interviewers { get; set; } = [];

    [StringLength(InterviewRules.MaxLocation)]
    public string? Location { get; set; }

    [StringLength(InterviewRules.MaxVideoUrl)]
    public string? VideoUrl { get; set; }

    public bool NotifyCandidate { get; set; } = true;

    /// <summary>Set by the "Schedule anyway" button after the page showed a double booking.</summary>
    public bool AllowDoubleBooking { get; set; }

    /// <summary>The instant of <see cref="Start"/> in <paramref name="settings"/>' zone, or null when it is not a date and time.</summary>
    public DateTimeOffset? StartInstant(OrganizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DateTime.TryParseExact(Start, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZones.ToInstant(local, settings.Zone)
            : null;
    }

    public static string Local(DateTimeOffset instant, OrganizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TimeZoneInfo.ConvertTime(instant, settings.Zone).ToString(LocalFormat, CultureInfo.InvariantCulture);
    }
}

/// <summary>What the shared schedule fields partial needs: the form under <paramref name="Prefix"/>, who can interview, and the zone times are in.</summary>
public sealed record ScheduleFieldsView(string Prefix, ScheduleForm Form, IReadOnlyList<Hirekit.Core.Accounts.Member> Members, OrganizationSettings Settings);
