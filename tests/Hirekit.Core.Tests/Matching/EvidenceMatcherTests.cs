using Hirekit.Core.Matching;

namespace Hirekit.Core.Tests.Matching;

public sealed class EvidenceMatcherTests
{
    [Fact]
    public void ACue_MatchesItsInflectedWordsInOrder_AndReportsTheSpanToHighlight()
    {
        const string Text = "We retried with exponential backoff and a dead-letter queue.";

        var matches = EvidenceMatcher.Plain.Find(Text, ["dead letter queue", "retry with backoff"]);

        Assert.Equal(["retry with backoff", "dead letter queue"], matches.Select(m => m.Cue));
        Assert.Equal("retried with exponential backoff", Text.Substring(matches[0].Start, matches[0].Length));
        Assert.Equal("dead-letter queue", Text.Substring(matches[1].Start, matches[1].Length));
    }

    [Fact]
    public void ACue_AllowsOneWordBetweenItsWordsButNotTwo()
    {
        Assert.Single(EvidenceMatcher.Plain.Find("the idempotency of key handling", ["idempotency key"]));
        Assert.Empty(EvidenceMatcher.Plain.Find("the idempotency of the key", ["idempotency key"]));
    }

    [Fact]
    public void WordsOutOfOrder_DoNotMatch() => Assert.Empty(EvidenceMatcher.Plain.Find("queue letter dead", ["dead letter queue"]));

    [Fact]
    public void SynonymGroups_MakeWordsEqual_AndGroupsSharingAWordMerge()
    {
        var matcher = new EvidenceMatcher([["dedupe", "deduplicate"], ["deduplicate", "idempotent"], ["postmortem", "retrospective"]]);

        Assert.Single(matcher.Find("we made the consumer idempotent", ["dedupe"]));
        Assert.Single(matcher.Find("we wrote a retrospective", ["postmortem"]));
        Assert.Empty(matcher.Find("we wrote a retrospective", ["dedupe"]));
    }

    [Fact]
    public void PunctuationAndCase_DoNotMatter() =>
        Assert.Equal(["n 1 query", "explain analyze"], EvidenceMatcher.Plain.Find("Fixed the N+1 query; EXPLAIN ANALYZE showed it.", ["n 1 query", "explain analyze"]).Select(m => m.Cue));

    [Fact]
    public void EmptyTextOrCue_MatchesNothing()
    {
        Assert.Empty(EvidenceMatcher.Plain.Find("", ["cache"]));
        Assert.Empty(EvidenceMatcher.Plain.Find("cache", [""]));
    }
}
