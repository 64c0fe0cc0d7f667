using Hirekit.Core.Kits;
using Hirekit.Core.Matching;

namespace Hirekit.Core.Practice;

/// <summary>
/// A passage of the answer that counts as evidence for an indicator. <see cref="Start"/> and
/// <see cref="Length"/> are UTF-16 code units of the answer as sent (the same units as a
/// JavaScript string index), so a page can highlight exactly this span. <see cref="Cue"/> says
/// why it matched: the kit's cue, or the indicator's own words that occurred together.
/// </summary>
public sealed record EvidencePassage(string Text, int Start, int Length, string Cue);

/// <summary>
/// An indicator of the question and the passages found for it (empty when not evident). Ids are
/// positional within the question: <c>p1</c>.. for positive indicators, <c>n1</c>.. for negative
/// ones and <c>f1</c>.. for the pitfalls of technical questions.
/// </summary>
public sealed record IndicatorFeedback(string Id, string Text, IReadOnlyList<EvidencePassage> Passages);

/// <summary>
/// Matches a practice answer against one question's indicators, explainably (ADR 0017):
/// <list type="bullet">
/// <item>a kit cue (docs/kit-format.md, "Evidence cues") found anywhere in the answer is evidence;</item>
/// <item>so is one sentence holding <see cref="TermsPerSentence"/> (2 by default) or more distinct key words of the
/// indicator's own text (stemmed, synonyms applied). Key words leave out common words, words that
/// say what a candidate does ("explains", "names"), words of the question's prompt (an answer
/// repeats the prompt whether or not it shows the indicator) and words that occur in two or more
/// of the question's positive indicators (they cannot tell those indicators apart).</item>
/// </list>
/// Negative indicators and pitfalls are reported only through their kit cues: a weakness is
/// never inferred from loose word overlap. There is no score.
/// </summary>
public sealed class PracticeMatcher
{
    public const int DefaultTermsPerSentence = 2;

    public const int MaxPassagesPerIndicator = 5;

    private const int MinKeyWordLength = 4;

    private readonly EvidenceMatcher _matcher;

    /// <param name="termsPerSentence">How many distinct key words of an indicator one sentence needs; 0 turns that rule off (kit cues only).</param>
    public PracticeMatcher(Kit kit, int termsPerSentence = DefaultTermsPerSentence)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentOutOfRangeException.ThrowIfNegative(termsPerSentence);
        _matcher = new EvidenceMatcher(kit.Synonyms);
        TermsPerSentence = termsPerSentence;
    }

    public int TermsPerSentence { get; }

    public IReadOnlyList<IndicatorFeedback> Positive(Question question, string answer) => Match(question, answer).Positive;

    public (IReadOnlyList<IndicatorFeedback> Positive, IReadOnlyList<IndicatorFeedback> Pitfalls) Match(Question question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var tokens = _matcher.Tokenize(answer);
        var sentences = Sentences(answer, tokens);
        var promptKeys = _matcher.Tokenize(question.Prompt).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var shared = question.Positive
            .SelectMany(i => _matcher.Tokenize(i.Text).Select(t => t.Key).Distinct())
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        var notKeyWords = promptKeys.Concat(shared).ToHashSet(StringComparer.Ordinal);

        var positive = question.Positive.Select((indicator, i) =>
        {
            // A cue pins the evidence down more precisely, so the indicator's words only add passages that no cue overlaps.
            var cues = CueEvidence(answer, tokens, indicator.Cues).ToList();
            var words = TermEvidence(answer, sentences, indicator.Text, notKeyWords).Where(w => !cues.Any(c => Overlap(c, w)));
            return new IndicatorFeedback($"p{i + 1}", indicator.Text, Distinct(cues.Concat(words)));
        }).ToList();

        var negative = question.Negative.Select((indicator, i) => new IndicatorFeedback($"n{i + 1}", indicator.Text, Distinct(CueEvidence(answer, tokens, indicator.Cues))));
        var pitfalls = question.Pitfalls.Select((indicator, i) => new IndicatorFeedback($"f{i + 1}", indicator.Text, Distinct(CueEvidence(answer, tokens, indicator.Cues))));
        return (positive, negative.Concat(pitfalls).ToList());
    }

    private IEnumerable<EvidencePassage> CueEvidence(string answer, IReadOnlyList<Token> tokens, IEnumerable<string> cues) =>
        cues.SelectMany(cue => _matcher.Find(tokens, cue))
            .Select(m => new EvidencePassage(answer.Substring(m.Start, m.Length), m.Start, m.Length, m.Cue));

    private IEnumerable<EvidencePassage> TermEvidence(string answer, IReadOnlyList<IReadOnlyList<Token>> sentences, string indicatorText, HashSet<string> notKeyWords)
    {
        var keys = KeyWords(indicatorText, notKeyWords);
        if (TermsPerSentence == 0 || keys.Count < TermsPerSentence)
        {
            yield break;
        }

        foreach (var sentence in sentences)
        {
            var hits = sentence.Where(t => keys.ContainsKey(t.Key)).ToList();
            var distinct = hits.Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count < TermsPerSentence)
            {
                continue;
            }

            var first = hits[0];
            var last = hits[^1];
            var start = first.Start;
            var length = last.Start + last.Length - start;
            yield return new EvidencePassage(answer.Substring(start, length), start, length, "indicator words: " + string.Join(", ", distinct.Select(k => keys[k])));
        }
    }

    /// <summary>Key words of an indicator's text: comparable key to the word as written there.</summary>
    private Dictionary<string, string> KeyWords(string text, HashSet<string> notKeyWords)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in _matcher.Tokenize(text))
        {
            var word = text.Substring(token.Start, token.Length).ToLowerInvariant();
            if (word.Length < MinKeyWordLength || CommonWords.Contains(word) || CommonWords.Contains(token.Key) || notKeyWords.Contains(token.Key) || word.All(char.IsDigit))
            {
                continue;
            }

            keys.TryAdd(token.Key, word);
        }

        return keys;
    }

    /// <summary>The answer's words grouped by sentence: a sentence ends at a line break, ! ? ; or a full stop followed by white space.</summary>
    private static List<IReadOnlyList<Token>> Sentences(string answer, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<IReadOnlyList<Token>>();
        var current = new List<Token>();
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            if (current.Count > 0 && EndsSentence(answer, previousEnd, token.Start))
            {
                sentences.Add(current);
                current = [];
            }

            current.Add(token);
            previousEnd = token.Start + token.Length;
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        return sentences;
    }

    private static bool EndsSentence(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '!' or '?' or ';' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlap(EvidencePassage a, EvidencePassage b) => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    /// <summary>Sorted by position; a passage inside one already kept adds nothing and is dropped.</summary>
    private static List<EvidencePassage> Distinct(IEnumerable<EvidencePassage> passages)
    {
        var kept = new List<EvidencePassage>();
        foreach (var passage in passages.OrderBy(p => p.Start).ThenByDescending(p => p.Length))
        {
            if (kept.Any(k => passage.Start >= k.Start && passage.Start + passage.Length <= k.Start + k.Length))
            {
                continue;
            }

            kept.Add(passage);
        }

        return kept.Take(MaxPassagesPerIndicator).ToList();
    }

    /// <summary>
    /// Words that carry no evidence on their own: function words, and the verbs and nouns the kit
    /// uses to describe what a candidate does rather than what the answer is about.
    /// </summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "above", "across", "along", "around", "behind", "beyond", "towards", "toward", "onto", "versus", "after",
        "again", "against", "also", "among", "another", "because", "been", "before", "being", "below", "between", "both",
        "cannot", "could", "does", "doing", "down", "during", "each", "either", "else", "even", "every", "from", "further",
        "have", "having", "here", "into", "itself", "just", "least", "less", "like", "made", "make", "makes", "many", "more",
        "most", "much", "must", "need", "needs", "neither", "never", "nothing", "once", "only", "other", "others", "over",
        "own", "rather", "same", "several", "should", "since", "some", "such", "than", "that", "their", "them", "then",
        "there", "these", "they", "thing", "things", "this", "those", "though", "through", "together", "under", "until",
        "upon", "very", "want", "were", "what", "when", "where", "whether", "which", "while", "whom", "whose", "will", "with",
        "within", "without", "would", "your", "yours", "first", "second", "case", "cases", "kind", "kinds", "well", "able",
        "already", "always", "anything", "something", "someone", "everyone", "instead", "still", "used", "uses", "using",
        "based", "including", "answer", "candidate", "explains", "explain", "describes", "describe", "states", "state",
        "names", "name", "knows", "know", "mentions", "mention", "says", "say", "talks", "shows", "show", "gives", "give",
        "takes", "take", "treats", "treat", "understands", "understand", "recognises", "recognizes", "recognise", "recognize",
        "considers", "consider", "asks", "ask", "offers", "owns", "looks", "look", "keeps", "keep", "sets", "puts", "brings",
        "chooses", "choose", "picks", "specific", "clear", "clearly", "concrete", "real", "right", "good", "better", "whole",
        "part", "parts", "point", "points", "example", "examples", "way", "ways", "work", "works", "team", "teams", "time",
        "times", "people",
    };
}
