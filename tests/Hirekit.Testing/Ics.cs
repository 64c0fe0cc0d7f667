using System.Text;

namespace Hirekit.Testing;

/// <summary>One content line of an iCalendar object: name, parameters and the raw value.</summary>
public sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    /// <summary>The value as TEXT, unescaped (RFC 5545 3.3.11).</summary>
    public string Text => Ics.Unescape(Value);
}

/// <summary>
/// A strict reader of RFC 5545 calendar objects for tests: every line must end in CRLF and be at
/// most 75 octets, folded lines are joined, and BEGIN/END must nest.
/// </summary>
public static class Ics
{
    public static IReadOnlyList<IcsProperty> Parse(string calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("The calendar does not end with CRLF.");
        }

        var physical = calendar[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"A bare line break in: {line}");
            }

            if (Encoding.UTF8.GetByteCount(line) > 75)
            {
                throw new FormatException($"A line longer than 75 octets: {line}");
            }
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var properties = logical.Select(ParseLine).ToList();
        var open = new Stack<string>();
        foreach (var p in properties)
        {
            if (p.Name == "BEGIN")
            {
                open.Push(p.Value);
            }
            else if (p.Name == "END" && (open.Count == 0 || open.Pop() != p.Value))
            {
                throw new FormatException($"END:{p.Value} does not close what was opened.");
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"{open.Peek()} is never closed.");
        }

        return properties;
    }

    /// <summary>The properties inside the first VEVENT.</summary>
    public static IReadOnlyList<IcsProperty> Event(IReadOnlyList<IcsProperty> calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = calendar.ToList().FindIndex(p => p.Name == "BEGIN" && p.Value == "VEVENT");
        var end = calendar.ToList().FindIndex(p => p.Name == "END" && p.Value == "VEVENT");
        return calendar.Skip(start + 1).Take(end - start - 1).ToList();
    }

    public static string One(IReadOnlyList<IcsProperty> properties, string name) => properties.Single(p => p.Name == name).Value;

    public static DateTimeOffset Time(string value) =>
        DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                builder.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    private static IcsProperty ParseLine(string line)
    {
        // Name and parameters end at the first colon outside double quotes.
        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ':' && !inQuotes)
            {
                colon = i;
            }
        }

        if (colon < 0)
        {
            throw new FormatException($"No value in: {line}");
        }

        var head = SplitOutsideQuotes(line[..colon], ';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in head.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            parameters[part[..eq]] = part[(eq + 1)..].Trim('"');
        }

        return new IcsProperty(head[0].ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }

            if (c == separator && !inQuotes)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }
}
