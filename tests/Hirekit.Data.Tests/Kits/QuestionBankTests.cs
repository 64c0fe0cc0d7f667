using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Kits;

public sealed class QuestionBankTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Actor _actor = null!;
    private Guid _kitId;

    private IQuestionBankStore Bank => _db.Get<IQuestionBankStore>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id, Role.Interviewer);
        _actor = new Actor(user.Id, org.Id, Role.Interviewer, "Reader");
        await _db.Get<InstallBuiltInKits>().HandleAsync(org.Id, CancellationToken.None);
        _kitId = (await _db.Get<IKitStore>().ListAsync(org.Id, CancellationToken.None)).Single().Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Search_RanksATitleMatchFirstAndFindsStemmedForms()
    {
        var hits = await SearchAsync(new QuestionQuery("cache stampede", null, null, null, null, null, null, false, 1, 10));
        var stemmed = await SearchAsync(new QuestionQuery("caching", null, null, null, null, null, null, false, 1, 50));

        Assert.Equal("screen-cache-review-stampede", hits[0].Key);
        Assert.Contains(stemmed, h => h.Title.Contains("cache", StringComparison.OrdinalIgnoreCase) || h.Prompt.Contains("cache", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_EveryWordMustMatch()
    {
        var both = await SearchAsync(new QuestionQuery("idempotent webhook", null, null, null, null, null, null, false, 1, 50));
        var nonsense = await SearchAsync(new QuestionQuery("idempotent zyxwvutsr", null, null, null, null, null, null, false, 1, 50));

        Assert.Contains(both, h => h.Key == "screen-idempotent-payment-webhook");
        Assert.Empty(nonsense);
    }

    [Fact]
    public async Task Filters_NarrowByCompetencyLevelRoundAndKind()
    {
        var competency = await SearchAsync(new QuestionQuery(null, null, "async-event-driven", null, null, null, null, false, 1, 100));
        var principalDesign = await SearchAsync(new QuestionQuery(null, null, null, null, Level.Principal, "system-design", null, false, 1, 100));
        var attitude = await SearchAsync(new QuestionQuery(null, _kitId, null, "ownership", null, null, "attitude", false, 1, 100));

        Assert.NotEmpty(competency);
        Assert.All(competency, h => Assert.Equal("async-event-driven", h.Competency));
        Assert.NotEmpty(principalDesign);
        Assert.All(principalDesign, h => Assert.True((h.LevelMask & 8) != 0 && h.Round == "system-design"));
        Assert.True(attitude.Count >= 3);
        Assert.All(attitude, h => Assert.Equal(("attitude", "ownership"), (h.Kind, h.Trait)));
    }

    [Fact]
    public async Task Paging_SplitsResultsWithoutOverlap()
    {
        var first = await _db.Get<SearchQuestions>().HandleAsync(_actor, new QuestionQuery(null, null, null, null, null, null, null, false, 1, 20), CancellationToken.None);
        var second = await _db.Get<SearchQuestions>().HandleAsync(_actor, new QuestionQuery(null, null, null, null, null, null, null, false, 2, 20), CancellationToken.None);

        Assert.True(first.Value.HasMore);
        Assert.Equal(20, first.Value.Items.Count);
        Assert.Empty(first.Value.Items.Select(h => h.Key).Intersect(second.Value.Items.Select(h => h.Key)));
    }

    [Fact]
    public async Task RetiredQuestions_LeaveTheBankButStayReadable()
    {
        await Bank.SetRetiredAsync(_actor.OrganizationId, _kitId, "att-ownership-incident-you-caused", true, _actor.UserId, _db.Clock.GetUtcNow(), CancellationToken.None);

        var offered = await SearchAsync(new QuestionQuery("incident you caused", null, null, null, null, null, null, false, 1, 50));
        var withRetired = await SearchAsync(new QuestionQuery("incident you caused", null, null, null, null, null, null, true, 1, 50));

        Assert.DoesNotContain(offered, h => h.Key == "att-ownership-incident-you-caused");
        Assert.True(Assert.Single(withRetired, h => h.Key == "att-ownership-incident-you-caused").Retired);
    }

    [Fact]
    public async Task UsageCounts_AreReportedPerQuestion()
    {
        for (var i = 0; i < 3; i++)
        {
            await Bank.RecordUseAsync(_actor.OrganizationId, _kitId, "tech-slow-query", _db.Clock.GetUtcNow(), CancellationToken.None);
        }

        var hit = Assert.Single(await SearchAsync(new QuestionQuery("slow query", null, null, null, null, null, "technical", false, 1, 5)), h => h.Key == "tech-slow-query");
        Assert.Equal(3, hit.Uses);
        Assert.Equal(3, (await Bank.CountUsesAsync(_actor.OrganizationId, _kitId, CancellationToken.None))["tech-slow-query"]);
    }

    [Fact]
    public async Task Search_SeesOnlyTheOrganizationsOwnKits()
    {
        var other = await Seed.OrganizationAsync(_db);
        var outsider = new Actor(Ids.New(), other.Id, Role.Admin, "Outsider");

        var hits = await _db.Get<SearchQuestions>().HandleAsync(outsider, new QuestionQuery("idempotent", null, null, null, null, null, null, false, 1, 10), CancellationToken.None);

        Assert.Empty(hits.Value.Items);
    }

    private async Task<IReadOnlyList<QuestionHit>> SearchAsync(QuestionQuery query) =>
        (await _db.Get<SearchQuestions>().HandleAsync(_actor, query, CancellationToken.None)).Value.Items;
}
