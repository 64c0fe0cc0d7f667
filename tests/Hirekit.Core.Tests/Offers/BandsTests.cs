using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Core.Tests.Jobs;

namespace Hirekit.Core.Tests.Offers;

/// <summary>Against the shipped kit: senior in western Europe is 85,000 to 130,000 EUR; the premium adds 15 to 25 %.</summary>
public sealed class BandsTests
{
    private static Kit Kit => JobFixtures.ShippedKit;

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(85_000, true)]
    [InlineData(130_000, true)]
    [InlineData(84_999, false)]
    [InlineData(130_001, false)]
    public void WithoutThePremium_TheBandIsTheKitsAndItsEdgesBelongToIt(int salary, bool within)
    {
        var check = Bands.Check(Kit, Job("api-generalist"), Level.Senior, "western-europe", salary);

        Assert.Equal((85_000, 130_000), (check.Min!.Value, check.Max!.Value));
        Assert.False(check.PremiumApplied);
        Assert.Equal(within, check.Within);
        Assert.Contains(within ? "Inside" : salary < 85_000 ? "Below" : "Above", check.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(97_750, true)]
    [InlineData(162_500, true)]
    [InlineData(97_749, false)]
    [InlineData(162_501, false)]
    [InlineData(140_000, true)]
    public void WithThePremium_TheBandWidensByItsPercentages(int salary, bool within)
    {
        var check = Bands.Check(Kit, Job("data-intensive"), Level.Senior, "western-europe", salary);

        Assert.Equal((97_750, 162_500), (check.Min!.Value, check.Max!.Value)); // 85,000 × 1.15 and 130,000 × 1.25
        Assert.True(check.PremiumApplied);
        Assert.Equal(within, check.Within);
    }

    [Fact]
    public void ALevelWithoutABand_IsOutsideByDefinition()
    {
        var check = Bands.Check(Kit, Job("api-generalist"), Level.Junior, "western-europe", 50_000);

        Assert.False(check.Within);
        Assert.Null(check.Min);
        Assert.Contains("no band", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRegion_HasNoBandAndNoCurrency()
    {
        Assert.False(Bands.Check(Kit, Job(null), Level.Senior, "atlantis", 100_000).Within);
        Assert.Null(Bands.CurrencyOf(Kit, "atlantis"));
        Assert.Equal("EUR", Bands.CurrencyOf(Kit, "western-europe"));
        Assert.Equal("USD", Bands.CurrencyOf(Kit, "us"));
    }

    [Fact]
    public void TheLetterDraft_StatesTheOfferFacts_AndKeepsNamesLiteral()
    {
        var letter = OfferLetter.Draft(new OfferLetterFacts("Ana *Star* Lee", "Backend Engineer", "Acme", Level.Senior, 120_000, "EUR", 0.05m, new DateOnly(2026, 7, 1), "Hana Manager", "Berlin"));

        Assert.Contains("Ana \\*Star\\* Lee", letter, StringComparison.Ordinal);
        Assert.Contains("120,000 EUR", letter, StringComparison.Ordinal);
        Assert.Contains("0.05 %", letter, StringComparison.Ordinal);
        Assert.Contains("1 July 2026", letter, StringComparison.Ordinal);
        Assert.Contains("Senior level", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Equity", OfferLetter.Draft(new OfferLetterFacts("A", "B", "C", Level.Mid, 1, "EUR", null, new DateOnly(2026, 7, 1), "D", "E")), StringComparison.Ordinal);
    }

    private static Job Job(string? specialisation)
    {
        var now = DateTimeOffset.UnixEpoch;
        return new Job(
            Guid.NewGuid(), Guid.NewGuid(), "job", "Backend Engineer", JobStatuses.Open, Guid.NewGuid(), Guid.NewGuid(), 1, Level.Senior, specialisation, null,
            new Dictionary<string, string>(), new Dictionary<string, int>(), new JobLocation("Berlin", "DE", false), "FULL_TIME", "western-europe",
            JobDescription.Empty, null, now, null, now, now);
    }
}
