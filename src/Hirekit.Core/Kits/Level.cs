namespace Hirekit.Core.Kits;

/// <summary>The ordered career levels every kit uses. Stored as these integers.</summary>
public enum Level
{
    Junior = 1,
    Mid = 2,
    Senior = 3,
    Principal = 4,
}

public static class Levels
{
    public static readonly IReadOnlyList<Level> All = [Level.Junior, Level.Mid, Level.Senior, Level.Principal];

    public static string Code(this Level level) => level switch
    {
        Level.Junior => "junior",
        Level.Mid => "mid",
        Level.Senior => "senior",
        Level.Principal => "principal",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    public static string Label(this Level level) => level switch
    {
        Level.Junior => "Junior",
        Level.Mid => "Mid",
        Level.Senior => "Senior",
        Level.Principal => "Principal",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    public static bool TryParse(string? code, out Level level)
    {
        level = default;
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        return false;
    }
}
