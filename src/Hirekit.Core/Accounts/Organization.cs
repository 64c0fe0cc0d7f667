using System.Text;

namespace Hirekit.Core.Accounts;

public sealed record Organization(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt);

public static class Slugs
{
    // Latin-1 and Latin Extended-A letters folded to ASCII (the product runs with invariant
    // globalization, where Unicode decomposition is unavailable). Index = code point - 0xC0.
    private const string Latin1 = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    private const string ExtendedA = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    /// <summary>A URL-safe, lower-case slug: ASCII letters and digits joined by single hyphens.</summary>
    public static string From(string text, int maxLength = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var raw in text)
        {
            var ch = Fold(raw);
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(ch));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = sb.Length > maxLength ? sb.ToString(0, maxLength).TrimEnd('-') : sb.ToString();
        return slug.Length == 0 ? "org" : slug;
    }

    private static char Fold(char ch) => ch switch
    {
        >= '\u00C0' and <= '\u00FF' => Latin1[ch - 0xC0],
        >= '\u0100' and < '\u0180' when ch - 0x100 < ExtendedA.Length => ExtendedA[ch - 0x100],
        _ => ch,
    };
}
