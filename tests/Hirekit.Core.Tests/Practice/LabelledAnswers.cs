using System.Text.Json;
using Hirekit.Core.Kits;
using Hirekit.Core.Practice;
using Hirekit.Core.Tests.Kits;

namespace Hirekit.Core.Tests.Practice;

/// <summary>
/// One hand-written practice answer and the positive indicators a senior engineer would credit it
/// with. Answers whose id starts with <c>blind-</c> were written from the prompt alone, before their
/// author read the question's indicators and cues; the others were written knowing them.
/// </summary>
public sealed record LabelledAnswer(string Id, string Question, string Quality, IReadOnlyList<string> Credit, string Answer);

/// <summary>Micro-averaged precision and recall of the matcher over a set of labelled answers.</summary>
public sealed record MatcherAccuracy(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Errors)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public string Summary => TruePositives + FalseNegatives == 0
        ? $"nothing to credit; {FalsePositives} indicator(s) matched anyway"
        : $"precision {Precision:0.000} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:0.000} ({TruePositives}/{TruePositives + FalseNegatives})";
}

/// <summary>The labelled set (labelled-answers.json beside this file) and the catalog of the shipped kits.</summary>
internal static class LabelledAnswers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<LabelledAnswer>> Set = new(() =>
        JsonSerializer.Deserialize<List<LabelledAnswer>>(
            File.ReadAllText(Path.Combine(KitFixtures.RepositoryRoot, "tests", "Hirekit.Core.Tests", "Practice", "labelled-answers.json")),
            Json)!);

    private static readonly Lazy<PracticeCatalog> ShippedCatalog = new(() =>
        new PracticeCatalog(new BuiltInKitCatalog(Path.Combine(KitFixtures.RepositoryRoot, "content", "kits"))));

    public static IReadOnlyList<LabelledAnswer> All => Set.Value;

    public static PracticeCatalog Catalog => ShippedCatalog.Value;

    /// <summary>The ids of the positive indicators the matcher finds evidence for.</summary>
    /// <param name="termsPerSentence">As in <see cref="PracticeMatcher"/>; null for the matcher the product uses.</param>
    public static IReadOnlyList<string> Matched(LabelledAnswer answer, int? termsPerSentence = null)
    {
        var question = Catalog.Find(answer.Question) ?? throw new InvalidOperationException($"Unknown question {answer.Question} in {answer.Id}.");
        var matcher = termsPerSentence is { } n ? new PracticeMatcher(question.Kit, n) : Catalog.MatcherFor(question);
        return matcher.Positive(question.Question, answer.Answer).Where(i => i.Passages.Count > 0).Select(i => i.Id).ToList();
    }

    public static MatcherAccuracy Measure(IEnumerable<LabelledAnswer> answers, int? termsPerSentence = null)
    {
        int tp = 0, fp = 0, fn = 0;
        var errors = new List<string>();
        foreach (var answer in answers)
        {
            var matched = Matched(answer, termsPerSentence);
            tp += matched.Count(answer.Credit.Contains);
            var extra = matched.Where(m => !answer.Credit.Contains(m)).ToList();
            var missed = answer.Credit.Where(c => !matched.Contains(c)).ToList();
            fp += extra.Count;
            fn += missed.Count;
            if (extra.Count + missed.Count > 0)
            {
                errors.Add($"{answer.Id}: false {string.Join(",", extra)}; missed {string.Join(",", missed)}");
            }
        }

        return new MatcherAccuracy(tp, fp, fn, errors);
    }
}
