namespace Hirekit.Core.Matching;

/// <summary>A word of a text: where it is, and its comparable form (lower-case, stemmed, synonym group).</summary>
public sealed record Token(int Start, int Length, string Key);

/// <summary>A cue found in a text, with the character span to highlight.</summary>
public sealed record CueMatch(string Cue, int Start, int Length);

/// <summary>
/// Finds evidence cues in free text, explainably (docs/kit-format.md, "Evidence cues"): text and
/// cue are split into words (runs of letters and digits), lower-cased and stemmed; a word also
/// matches any member of its synonym group; a cue matches where its words appear in order with at
/// most one other word between consecutive cue words. No scores, no learned weights: every
/// match can be shown and checked by a person.
/// </summary>
public sealed class EvidenceMatcher
{
    public const int MaxGap = 1;

    private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);

    public EvidenceMatcher(IEnumerable<IEnumerable<string>> synonymGroups)
    {
        ArgumentNullException.ThrowIfNull(synonymGroups);

        // Groups that share a word merge: each stem points at the group's first stem.
        foreach (var group in synonymGroups)
        {
            var stems = group.Select(w => Normalize(w)).Where(s => s.Length > 0).Distinct().ToList();
            if (stems.Count < 2)
            {
                continue;
            }

            var root = stems.Select(Find).FirstOrDefault(r => r != null) ?? stems[0];
            foreach (var stem in stems)
            {
                var existing = Find(stem);
                if (existing is not null && existing != root)
                {
                    foreach (var key in _groups.Where(kv => kv.Value == existing).Select(kv => kv.Key).ToList())
                    {
                        _groups[key] = root;
                    }
                }

                _groups[stem] = root;
            }
        }
    }

    public static EvidenceMatcher Plain { get; } = new([]);

    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start, Key(text.Substring(start, i - start))));
        }

        return tokens;
    }

    /// <summary>Every occurrence of <paramref name="cue"/> in the tokenized text.</summary>
    public IReadOnlyList<CueMatch> Find(IReadOnlyList<Token> text, string cue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Tokenize(cue ?? "").Select(t => t.Key).ToList();
        var matches = new List<CueMatch>();
        if (words.Count == 0)
        {
            return matches;
        }

        for (var start = 0; start < text.Count; start++)
        {
            if (text[start].Key != words[0])
            {
                continue;
            }

            var position = start;
            var matched = 1;
            while (matched < words.Count)
            {
                var next = -1;
                for (var step = 1; step <= MaxGap + 1 && position + step < text.Count; step++)
                {
                    if (text[position + step].Key == words[matched])
                    {
                        next = position + step;
                        break;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                position = next;
                matched++;
            }

            if (matched == words.Count)
            {
                var first = text[start];
                var last = text[position];
                matches.Add(new CueMatch(cue!, first.Start, last.Start + last.Length - first.Start));
            }
        }

        return matches;
    }

    public IReadOnlyList<CueMatch> Find(string text, IEnumerable<string> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var tokens = Tokenize(text);
        return cues.SelectMany(c => Find(tokens, c)).OrderBy(m => m.Start).ToList();
    }

    private string Key(string word)
    {
        var stem = Normalize(word);
        return _groups.TryGetValue(stem, out var group) ? group : stem;
    }

    private string? Find(string stem) => _groups.TryGetValue(stem, out var group) ? group : null;

    private static string Normalize(string word) => PorterStemmer.Stem(word.Trim().ToLowerInvariant());
}
