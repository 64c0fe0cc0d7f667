using System.Globalization;
using System.Text;

namespace Hirekit.Core.Interviews;

public sealed record CalendarPerson(string Name, string Email);

/// <summary>
/// One interview as a calendar event. <see cref="Uid"/> never changes for an interview and
/// <see cref="Sequence"/> grows with each reschedule or cancellation, so calendar clients replace
/// the event they already hold instead of adding a second one.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTimeOffset Stamp,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string Description,
    string? Location,
    string? Url,
    CalendarPerson Organizer,
    IReadOnlyList<CalendarPerson> Attendees,
    bool Cancelled);

/// <summary>
/// Writes RFC 5545 calendar objects: CRLF line ends, lines folded at 75 octets without splitting a
/// character, TEXT values escaped, times in UTC.
/// </summary>
public static class ICalendar
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
    public const string MediaType = "text/calendar";

    public static string Write(CalendarEvent e, string method)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (method is not (Request or Cancel))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Only REQUEST and CANCEL are written.");
        }

        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "PRODID:-//Hirekit//Interviews//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            $"METHOD:{method}",
            "BEGIN:VEVENT",
            $"UID:{Text(e.Uid)}",
            $"SEQUENCE:{e.Sequence.ToString(CultureInfo.InvariantCulture)}",
            $"DTSTAMP:{Utc(e.Stamp)}",
            $"DTSTART:{Utc(e.Start)}",
            $"DTEND:{Utc(e.End)}",
            $"SUMMARY:{Text(e.Summary)}",
            $"DESCRIPTION:{Text(e.Description)}",
        };
        if (!string.IsNullOrWhiteSpace(e.Location))
        {
            lines.Add($"LOCATION:{Text(e.Location)}");
        }

        if (!string.IsNullOrWhiteSpace(e.Url))
        {
            lines.Add($"URL:{e.Url}");
        }

        lines.Add($"STATUS:{(e.Cancelled || method == Cancel ? "CANCELLED" : "CONFIRMED")}");
        lines.Add("TRANSP:OPAQUE");
        lines.Add($"ORGANIZER;CN={Param(e.Organizer.Name)}:mailto:{e.Organizer.Email}");
        foreach (var attendee in e.Attendees)
        {
            lines.Add($"ATTENDEE;CN={Param(attendee.Name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{attendee.Email}");
        }

        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case ';': builder.Append(@"\;"); break;
                case ',': builder.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': builder.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A parameter value: quoted when it holds a separator; quotes and control characters cannot appear at all.</summary>
    private static string Param(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                builder.Append("\r\n ");
                octets = 1;
            }

            builder.Append(line[i]);
            if (width == 4)
            {
                builder.Append(line[++i]);
            }

            octets += width;
        }

        builder.Append("\r\n");
    }
}
