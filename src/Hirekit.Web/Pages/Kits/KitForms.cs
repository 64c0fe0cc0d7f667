using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Web.Pages.Kits;

/// <summary>
/// The plain-text syntax of the kit forms, so they work without JavaScript: lists are one item
/// per line, and an indicator line is its text, then optionally a '|' and its cues separated by
/// commas ("Names the idempotency key | idempotency key, dedupe").
/// </summary>
public static class KitForms
{
    /// <summary>Browsers send textarea line breaks as CRLF; the kit keeps LF, so an unchanged field stays equal.</summary>
    public static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static ValueList<string> Lines(string? value) =>
        Text(value).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToValueList();

    public static string JoinLines(IEnumerable<string> items) => string.Join('\n', items.Select(Flat));

    /// <summary>Indicators, one per line: text, then '|' and comma-separated cues. The last '|' on a line starts the cues.</summary>
    public static ValueList<Indicator> Indicators(string? value) =>
        Lines(value).Select(line =>
        {
            var bar = line.LastIndexOf('|');
            if (bar < 0)
            {
                return new Indicator(line, ValueList<string>.Empty);
            }

            var cues = line[(bar + 1)..].Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToValueList();
            return new Indicator(line[..bar].Trim(), cues);
        }).ToValueList();

    public static string JoinIndicators(IEnumerable<Indicator> indicators) =>
        string.Join('\n', indicators.Select(i => i.Cues.Count > 0
            ? $"{Flat(i.Text)} | {string.Join(", ", i.Cues)}"
            : i.Text.Contains('|', StringComparison.Ordinal) ? $"{Flat(i.Text)} |" : Flat(i.Text)));

    private static string Flat(string text) => text.Replace('\n', ' ');
}
