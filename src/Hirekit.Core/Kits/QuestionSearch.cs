namespace Hirekit.Core.Kits;

/// <summary>A question-bank query. Text is matched word by word as prefixes, after stemming.</summary>
public sealed record QuestionQuery(
    string? Text,
    Guid? KitId,
    string? Competency,
    string? Trait,
    Level? Level,
    string? Round,
    string? Kind,
    bool IncludeRetired,
    int Page,
    int PageSize)
{
    public const int MaxTerms = 8;

    /// <summary>The query's words: letters and digits only, lower case, at most <see cref="MaxTerms"/>.</summary>
    public IReadOnlyList<string> Terms()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            return [];
        }

        var terms = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var ch in Text + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                if (!terms.Contains(word.ToString()))
                {
                    terms.Add(word.ToString());
                }

                word.Clear();
            }
        }

        return terms.Take(MaxTerms).ToList();
    }
}

public sealed record QuestionHit(
    Guid KitId,
    string KitName,
    int Version,
    string Key,
    string Kind,
    string? Competency,
    string? Trait,
    string Round,
    int LevelMask,
    string Title,
    string Prompt,
    bool Retired,
    int Uses);
