using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using static Hirekit.Core.Tests.Jobs.JobFixtures;

namespace Hirekit.Core.Tests.Jobs;

/// <summary>Each rule fires on the description that breaks it and stays silent on the good one.</summary>
public sealed class JobDescriptionLintTests
{
    [Fact]
    public void AGoodDescription_HasNoFindings() => Assert.Empty(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription())));

    [Fact]
    public void ToolListBloat_FiresForManyTechnologiesWithoutAPrimaryStack()
    {
        var bloated = GoodDescription() with
        {
            StackPrimary = "",
            StackDetails = "We touch Kafka, Elixir, MongoDB, Terraform, Scala, Cassandra, RabbitMQ, Rust, Elasticsearch, Spark and GraphQL.",
        };

        var finding = Assert.Single(JobDescriptionLint.Check(ShippedKit, Input(bloated)), f => f.Rule == "tool_list_bloat");
        Assert.Equal("stackPrimary", finding.Field);
        Assert.Contains("kafka", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(JobDescriptionLint.Check(ShippedKit, Input(bloated with { StackPrimary = "Python 3.12 with FastAPI" })), f => f.Rule == "tool_list_bloat");
    }

    [Fact]
    public void SuccessCriteria_MissingOrWithoutFigures()
    {
        Assert.Contains(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { SuccessCriteria = "" })), f => f.Rule == "missing_success_criteria");
        Assert.Contains(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { SuccessCriteria = "The service is fast and stable." })), f => f.Rule == "unmeasurable_success_criteria");
    }

    [Fact]
    public void Scale_WithoutFigures()
    {
        var finding = Assert.Single(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { Scale = "High traffic at massive scale." })));
        Assert.Equal(("no_scale_figures", "scale"), (finding.Rule, finding.Field));
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
    }

    [Fact]
    public void PayRange_RequiredByLawWhereTheLocationSaysSo()
    {
        var noPay = GoodDescription() with { Pay = null };

        Assert.Contains(JobDescriptionLint.Check(ShippedKit, Input(noPay, locationCode: "US-CO", region: "us")), f => f.Rule == "pay_range_required");
        Assert.DoesNotContain(JobDescriptionLint.Check(ShippedKit, Input(noPay, locationCode: "JP")), f => f.Rule == "pay_range_required");
        Assert.Contains(JobDescriptionLint.Check(ShippedKit, Input(noPay, locationCode: "JP")), f => f is { Rule: "missing_section", Field: "pay" }); // the kit still asks for it
    }

    [Theory]
    [InlineData(85_000, 125_000, "api-generalist", false)] // senior western-europe band is 85,000-130,000 EUR
    [InlineData(80_000, 125_000, "api-generalist", true)]
    [InlineData(90_000, 131_000, "api-generalist", true)]
    [InlineData(90_000, 131_000, "data-intensive", false)] // premium specialisation: top 130,000 * 1.25
    [InlineData(90_000, 162_500, "data-intensive", false)]
    [InlineData(90_000, 163_000, "data-intensive", true)]
    public void PayRange_OutsideTheBandForLevelAndRegion(int min, int max, string specialisation, bool outside)
    {
        var findings = JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { Pay = new PayRange(min, max, "EUR") }, specialisation: specialisation));

        Assert.Equal(outside, findings.Any(f => f.Rule == "pay_outside_band"));
    }

    [Fact]
    public void PayRange_AtTheExactBandEdges_IsInside() =>
        Assert.Empty(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { Pay = new PayRange(85_000, 130_000, "EUR") })));

    [Fact]
    public void PayRange_InAnotherCurrency_CannotBeChecked() =>
        Assert.Contains(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { Pay = new PayRange(90_000, 120_000, "USD") })), f => f.Rule == "pay_currency_mismatch");

    [Fact]
    public void SeniorityWords_OfAnotherLevelInTheTitle()
    {
        var findings = JobDescriptionLint.Check(ShippedKit, Input(GoodDescription(), title: "Staff Backend Engineer", level: Level.Mid, region: null));

        var finding = Assert.Single(findings, f => f.Rule == "seniority_mismatch");
        Assert.Contains("staff", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription(), title: "Backend Engineer", level: Level.Mid, region: null)), f => f.Rule == "seniority_mismatch");
    }

    [Fact]
    public void ARequiredSectionLeftEmpty_IsNamed()
    {
        var finding = Assert.Single(JobDescriptionLint.Check(ShippedKit, Input(GoodDescription() with { Team = "" })));

        Assert.Equal(("missing_section", "team"), (finding.Rule, finding.Field));
    }

    [Fact]
    public void Renderer_WritesEverySectionAndThePay()
    {
        var job = new Job(Guid.NewGuid(), Guid.NewGuid(), "backend", "Senior Backend Engineer", JobStatuses.Open, Guid.NewGuid(), Guid.NewGuid(), 1, Level.Senior, null, null,
            new Dictionary<string, string>(), new Dictionary<string, int>(), new JobLocation("Berlin", "DE", false), "FULL_TIME", "western-europe", GoodDescription(), null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var markdown = JobDescriptionRenderer.ToMarkdown(job, ShippedKit);

        Assert.StartsWith("# Senior Backend Engineer", markdown, StringComparison.Ordinal);
        Assert.Contains("**Primary:** Go 1.23, PostgreSQL 16", markdown, StringComparison.Ordinal);
        Assert.Contains("90,000 to 125,000 EUR a year", markdown, StringComparison.Ordinal);
        Assert.Equal(6, markdown.Split("\n## ").Length - 1);
    }
}
