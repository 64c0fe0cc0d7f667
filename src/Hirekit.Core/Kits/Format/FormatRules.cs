using System.Text.RegularExpressions;

namespace Hirekit.Core.Kits.Format;

/// <summary>The value-level rules of docs/kit-format.md that do not depend on the rest of the kit.</summary>
internal static partial class FormatRules
{
    public const int MaxIdLength = 64;

    public const int MaxTitleLength = 120;

    public const int MaxCueWords = 4;

    public const string Format = Vocabulary.Format;

    /// <summary>Lower-case kebab case, at most 64 characters.</summary>
    public static bool IsId(string value) => value.Length <= MaxIdLength && IdPattern().IsMatch(value);

    public static string IdProblem(string value) =>
        $"'{value}' is not a valid id: use lower-case kebab case (a-z, 0-9, single '-' between parts), at most {MaxIdLength} characters";

    /// <summary>The words of a cue: split at white space.</summary>
    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A synonym is one word (no white space) written in lower case.</summary>
    public static bool IsSynonymWord(string value) =>
        value.Length > 0 && !value.Any(char.IsWhiteSpace) && string.Equals(value, value.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public static bool IsCurrency(string value) => CurrencyPattern().IsMatch(value);

    /// <summary>
    /// The closest candidate within a small edit distance, for "did you mean" hints; null when
    /// nothing is close enough to be a likely typo.
    /// </summary>
    public static string? Suggest(string value, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, Math.Min(3, value.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(value, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    public static string WithSuggestion(string message, string value, IEnumerable<string> candidates) =>
        Suggest(value, candidates) is { } suggestion ? $"{message} (did you mean '{suggestion}'?)" : message;

    public static string OneOf(IEnumerable<string> values) => string.Join(", ", values);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
