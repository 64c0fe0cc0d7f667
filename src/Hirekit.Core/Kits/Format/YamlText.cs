using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Reads typed scalars. The kit schema, not YAML's implicit typing, decides what a scalar is:
/// <c>title: 123</c> is the text "123" and <c>min: "65000"</c> is the number 65000. Only a plain
/// empty value, <c>~</c> or <c>null</c> counts as "no value". Each reader reports a wrong node type
/// or a malformed value at the node and returns false.
/// </summary>
internal static partial class YamlText
{
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// Text, right-trimmed (block scalars end with a line break). <paramref name="value"/> is null
    /// for an empty or null value, which the caller treats as missing. False only for a non-scalar.
    /// </summary>
    public static bool TryText(YamlCursor at, out string? value)
    {
        value = null;
        if (at.Node is not YamlScalarNode scalar)
        {
            at.Report($"expected text, found {at.Describe()}");
            return false;
        }

        if (IsNull(scalar))
        {
            return true;
        }

        var text = scalar.Value!.TrimEnd();
        value = text.Length == 0 ? null : text;
        return true;
    }

    public static bool TryInt(YamlCursor at, out int value)
    {
        value = 0;
        if (!TryRaw(at, "a whole number", out var raw))
        {
            return false;
        }

        if (!IntegerPattern().IsMatch(raw) || !int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            at.Report($"expected a whole number, found '{raw}'");
            return false;
        }

        return true;
    }

    public static bool TryDecimal(YamlCursor at, out decimal value)
    {
        value = 0;
        if (!TryRaw(at, "a number", out var raw))
        {
            return false;
        }

        if (!DecimalPattern().IsMatch(raw) || !decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            at.Report($"expected a number such as 12 or 0.05, found '{raw}'");
            return false;
        }

        return true;
    }

    public static bool TryBool(YamlCursor at, out bool value)
    {
        value = false;
        if (!TryRaw(at, "true or false", out var raw))
        {
            return false;
        }

        switch (raw)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                at.Report($"expected true or false, found '{raw}'");
                return false;
        }
    }

    public static bool TryDate(YamlCursor at, out DateOnly value)
    {
        value = default;
        if (!TryRaw(at, "a date", out var raw))
        {
            return false;
        }

        if (!DatePattern().IsMatch(raw) || !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            at.Report($"expected a date as YYYY-MM-DD, found '{raw}'");
            return false;
        }

        return true;
    }

    /// <summary>A level code (<c>junior</c>, <c>mid</c>, <c>senior</c>, <c>principal</c>), exactly as written.</summary>
    public static bool TryLevel(YamlCursor at, out Level value)
    {
        value = default;
        if (!TryRaw(at, "a level", out var raw))
        {
            return false;
        }

        foreach (var level in Levels.All)
        {
            if (string.Equals(level.Code(), raw, StringComparison.Ordinal))
            {
                value = level;
                return true;
            }
        }

        at.Report(FormatRules.WithSuggestion($"unknown level '{raw}'; expected {FormatRules.OneOf(Levels.All.Select(l => l.Code()))}", raw, Levels.All.Select(l => l.Code())));
        return false;
    }

    /// <summary>The trimmed text of a non-empty scalar; reports a wrong type or an empty value.</summary>
    private static bool TryRaw(YamlCursor at, string expected, out string raw)
    {
        raw = "";
        if (at.Node is not YamlScalarNode scalar)
        {
            at.Report($"expected {expected}, found {at.Describe()}");
            return false;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            at.Report($"expected {expected}, found an empty value");
            return false;
        }

        raw = scalar.Value.Trim();
        return true;
    }

    [GeneratedRegex("^[-+]?[0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?[0-9]+(\\.[0-9]+)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
