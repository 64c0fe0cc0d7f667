using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Kits;

/// <summary>Fork, edit a draft, publish, compare, import and export, through the use cases on a real database.</summary>
public sealed class RemixTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Actor _editor = null!;
    private Actor _interviewer = null!;
    private Guid _builtInId;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var org = await Seed.OrganizationAsync(_db);
        _editor = new Actor((await Seed.UserAsync(_db, org.Id, Role.HiringManager)).Id, org.Id, Role.HiringManager, "Editor");
        _interviewer = new Actor((await Seed.UserAsync(_db, org.Id, Role.Interviewer)).Id, org.Id, Role.Interviewer, "Reader");
        await _db.Get<InstallBuiltInKits>().HandleAsync(org.Id, CancellationToken.None);
        _builtInId = (await _db.Get<IKitStore>().ListAsync(org.Id, CancellationToken.None)).Single().Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Fork_CreatesAnEditableKitWhoseVersionOneEqualsTheSourceButItsName()
    {
        var fork = await ForkAsync();

        var view = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(fork.Id, null), CancellationToken.None);
        var source = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(_builtInId, null), CancellationToken.None);

        Assert.Equal(("backend-developer-remix", KitOrigins.Fork, false, _builtInId, (int?)1), (fork.Slug, fork.Origin, fork.ReadOnly, fork.ForkedFromKitId, fork.LatestVersion));
        Assert.Equal(source.Value.Kit.Questions, view.Value.Kit.Questions);
        Assert.Equal("Backend Developer (remix)", view.Value.Kit.Info.Name);
        Assert.Equal("backend-developer-remix-2", (await ForkAsync()).Slug);
    }

    [Fact]
    public async Task Interviewers_CannotForkOrEdit_AndBuiltInKitsAreReadOnly()
    {
        var fork = await _db.Get<ForkKit>().HandleAsync(_interviewer, new ForkKit.Request(_builtInId, null, null, null), CancellationToken.None);
        var editBuiltIn = await _db.Get<SaveDraftTrait>().HandleAsync(_editor, _builtInId, new SaveDraftTrait.Request("ownership", "Ownership", "Changed.", null), CancellationToken.None);

        Assert.Equal("kit.forbidden", fork.Error?.Code);
        Assert.Equal("kit.read_only", editBuiltIn.Error?.Code);
    }

    [Fact]
    public async Task EditingAndPublishing_MakesANewImmutableVersionAndKeepsTheOldOne()
    {
        var fork = await ForkAsync();
        var draftHash = await _db.Get<SaveDraftCompetency>().HandleAsync(_editor, fork.Id, new SaveDraftCompetency.Request(
            "performance", null, "Performance Engineering", "Making hot paths fast and keeping them fast.",
            "Spots obvious hot spots.", "Profiles and fixes.", "Designs for latency budgets.", "Sets performance culture.",
            ["Flame graphs", "Load testing with wrk"], null), CancellationToken.None);
        Assert.True(draftHash.IsSuccess, draftHash.Error?.Message);

        var published = await _db.Get<PublishKitDraft>().HandleAsync(_editor, fork.Id, draftHash.Value, CancellationToken.None);
        var v1 = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(fork.Id, 1), CancellationToken.None);
        var v2 = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(fork.Id, null), CancellationToken.None);

        Assert.Equal(2, published.Value);
        Assert.Equal("Performance Optimization", v1.Value.Kit.FindCompetency("performance")!.Name);
        Assert.Equal("Performance Engineering", v2.Value.Kit.FindCompetency("performance")!.Name);
        Assert.Equal("Designs for latency budgets.", v2.Value.Kit.FindCompetency("performance")!.Descriptors.Senior);
        var diff = await _db.Get<DiffKitVersions>().HandleAsync(_interviewer, fork.Id, 1, 2, CancellationToken.None);
        var change = Assert.Single(diff.Value.Changes);
        Assert.Equal(("competencies", "performance", ChangeType.Changed), (change.Section, change.ItemId, change.Type));
        Assert.Contains(change.Fields, f => f.Field == "competency.name" && f.Before == "Performance Optimization" && f.After == "Performance Engineering");
        Assert.Contains(change.Fields, f => f.Field == "competency.descriptors.senior");
    }

    [Fact]
    public async Task TheDocumentCache_ReadsADraftEveryTime_AndAPublishedVersionOnce()
    {
        var fork = await ForkAsync();
        var cache = new KitDocumentCache();
        var store = _db.Get<IKitStore>();
        var first = await SaveNameAsync(fork.Id, null, "Performance Engineering");
        var draftNumber = (await store.ListVersionsAsync(_editor.OrganizationId, fork.Id, CancellationToken.None)).Max(v => v.Number);

        var (draft, draftQueries) = await ReadAsync(cache, store, fork.Id, draftNumber);
        var second = await SaveNameAsync(fork.Id, first, "Performance Work");
        var (edited, editedQueries) = await ReadAsync(cache, store, fork.Id, draftNumber);
        Assert.Equal(("Performance Engineering", 1), (draft.FindCompetency("performance")!.Name, draftQueries));
        Assert.Equal(("Performance Work", 1), (edited.FindCompetency("performance")!.Name, editedQueries)); // a draft is never taken from memory

        await _db.Get<PublishKitDraft>().HandleAsync(_editor, fork.Id, second, CancellationToken.None);
        var (published, publishedQueries) = await ReadAsync(cache, store, fork.Id, draftNumber);
        var (again, againQueries) = await ReadAsync(cache, store, fork.Id, draftNumber);
        Assert.Equal(("Performance Work", 1), (published.FindCompetency("performance")!.Name, publishedQueries));
        Assert.Equal(0, againQueries); // published: it cannot change, so it is not read again
        Assert.Same(published, again);
        Assert.Null((await ReadAsync(cache, store, Guid.NewGuid(), draftNumber)).Kit);
    }

    [Fact]
    public async Task AnInvalidEdit_IsRefusedWithTheFieldAndSavesNothing()
    {
        var fork = await ForkAsync();
        var question = (await _db.Get<GetKitVersion>().HandleAsync(_editor, new GetKitVersion.Request(fork.Id, null), CancellationToken.None)).Value.Kit.FindQuestion("tech-slow-query")!;

        var result = await _db.Get<SaveDraftQuestion>().HandleAsync(_editor, fork.Id, new SaveDraftQuestion.Request(question with { Positive = question.Positive.Take(2).ToValueList() }, null), CancellationToken.None);

        Assert.Equal("kit.invalid", result.Error?.Code);
        Assert.Contains(result.Error!.Fields!.Keys, k => k.EndsWith(".positive", StringComparison.Ordinal));
        Assert.Null(await _db.Get<IKitStore>().FindDraftAsync(_editor.OrganizationId, fork.Id, CancellationToken.None));
    }

    [Fact]
    public async Task TwoEditorsOnOneDraft_TheSecondWithAStaleHashIsRefused()
    {
        var fork = await ForkAsync();
        var first = await _db.Get<SaveDraftTrait>().HandleAsync(_editor, fork.Id, new SaveDraftTrait.Request("learning", "Learning", "First editor's definition of learning.", null), CancellationToken.None);
        var second = await _db.Get<SaveDraftTrait>().HandleAsync(_editor, fork.Id, new SaveDraftTrait.Request("learning", "Learning", "Second editor's definition.", first.Value), CancellationToken.None);
        var stale = await _db.Get<SaveDraftTrait>().HandleAsync(_editor, fork.Id, new SaveDraftTrait.Request("learning", "Learning", "Based on the first save.", first.Value), CancellationToken.None);

        Assert.True(second.IsSuccess);
        Assert.Equal("kit.draft_changed", stale.Error?.Code);
        Assert.Equal(second.Value, (await _db.Get<IKitStore>().FindDraftAsync(_editor.OrganizationId, fork.Id, CancellationToken.None))!.ContentHash);
    }

    [Fact]
    public async Task ReorderAndRemove_ChangeTheDraftsQuestionList()
    {
        var fork = await ForkAsync();
        var kit = (await _db.Get<GetKitVersion>().HandleAsync(_editor, new GetKitVersion.Request(fork.Id, null), CancellationToken.None)).Value.Kit;
        var last = kit.Questions[^1].Id;

        var moved = await _db.Get<ReorderDraftQuestions>().MoveAsync(_editor, fork.Id, last, -1, null, CancellationToken.None);
        var removed = await _db.Get<RemoveDraftQuestion>().HandleAsync(_editor, fork.Id, "dom-pipeline-silent-bad-data", moved.Value, CancellationToken.None);
        var draft = await _db.Get<GetKitVersion>().HandleAsync(_editor, new GetKitVersion.Request(fork.Id, null, Draft: true), CancellationToken.None);

        Assert.True(removed.IsSuccess, removed.Error?.Message);
        Assert.Equal(last, draft.Value.Kit.Questions[^2].Id);
        Assert.Null(draft.Value.Kit.FindQuestion("dom-pipeline-silent-bad-data"));
        var badOrder = await _db.Get<ReorderDraftQuestions>().HandleAsync(_editor, fork.Id, ["tech-slow-query"], null, CancellationToken.None);
        Assert.Equal("questionIds", Assert.Single(badOrder.Error!.Fields!).Key);
    }

    [Fact]
    public async Task RemovingAQuestionALoopUses_IsRefused()
    {
        var fork = await ForkAsync();

        var result = await _db.Get<RemoveDraftQuestion>().HandleAsync(_editor, fork.Id, "att-ownership-incident-you-caused", null, CancellationToken.None);

        Assert.Equal("kit.invalid", result.Error?.Code);
        Assert.Contains("unknown question", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_AreInvisibleToInterviewers()
    {
        var fork = await ForkAsync();
        await _db.Get<SaveDraftTrait>().HandleAsync(_editor, fork.Id, new SaveDraftTrait.Request("learning", "Learning", "A draft change.", null), CancellationToken.None);

        var asDraft = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(fork.Id, null, Draft: true), CancellationToken.None);
        var asNumber = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(fork.Id, 2), CancellationToken.None);
        var versions = await _db.Get<ListKitVersions>().HandleAsync(_interviewer, fork.Id, CancellationToken.None);

        Assert.Equal("kit.forbidden", asDraft.Error?.Code);
        Assert.Equal("kit.version_not_found", asNumber.Error?.Code);
        Assert.Equal([1], versions.Value.Select(v => v.Number));
    }

    [Fact]
    public async Task ExportThenImport_GivesAnEqualKit_AndReimportingChangedContentAddsAVersion()
    {
        var export = await _db.Get<ExportKit>().HandleAsync(_interviewer, _builtInId, null, CancellationToken.None);
        var yaml = export.Value.Yaml.Replace("slug: backend-developer", "slug: backend-platform", StringComparison.Ordinal);

        var created = await _db.Get<ImportKit>().HandleAsync(_editor, yaml, "kit.yaml", CancellationToken.None);
        var same = await _db.Get<ImportKit>().HandleAsync(_editor, yaml, "kit.yaml", CancellationToken.None);
        var changed = await _db.Get<ImportKit>().HandleAsync(_editor, yaml.Replace("name: Backend Developer", "name: Backend Platform Engineer", StringComparison.Ordinal), "kit.yaml", CancellationToken.None);
        var reserved = await _db.Get<ImportKit>().HandleAsync(_editor, export.Value.Yaml, "kit.yaml", CancellationToken.None);

        Assert.Equal((true, 1), (created.Value.Created, created.Value.Version));
        var imported = await _db.Get<GetKitVersion>().HandleAsync(_interviewer, new GetKitVersion.Request(created.Value.Kit.Id, 1), CancellationToken.None);
        Assert.Equal(KitLoader.Parse(yaml).Kit, imported.Value.Kit);
        Assert.Equal((false, false, 1), (same.Value.Created, same.Value.Changed, same.Value.Version));
        Assert.Equal((2, "Backend Platform Engineer"), (changed.Value.Version, changed.Value.Kit.Name));
        Assert.Equal("kit.slug_reserved", reserved.Error?.Code);
    }

    [Fact]
    public async Task ImportOfInvalidYaml_ReportsLineAndColumn()
    {
        var result = await _db.Get<ImportKit>().HandleAsync(_editor, "format: hirekit-kit/1\nkit:\n  slug: [unclosed\n", "upload.yaml", CancellationToken.None);

        Assert.Equal("kit.invalid", result.Error?.Code);
        Assert.Matches(@"upload\.yaml:\d+:\d+", result.Error!.Message);
    }

    private async Task<string> SaveNameAsync(Guid kitId, string? expectedHash, string name)
    {
        var saved = await _db.Get<SaveDraftCompetency>().HandleAsync(_editor, kitId, new SaveDraftCompetency.Request(
            "performance", null, name, "Making hot paths fast and keeping them fast.",
            "Spots obvious hot spots.", "Profiles and fixes.", "Designs for latency budgets.", "Sets performance culture.",
            ["Flame graphs", "Load testing"], expectedHash), CancellationToken.None);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return saved.Value;
    }

    private async Task<(Kit Kit, int Queries)> ReadAsync(KitDocumentCache cache, IKitStore store, Guid kitId, int number)
    {
        using var scope = Hirekit.Data.Connections.QueryCounter.Begin();
        var kit = await cache.VersionAsync(store, _editor.OrganizationId, kitId, number, CancellationToken.None);
        return (kit!, scope.Counter.Count);
    }

    private async Task<KitSummary> ForkAsync()
    {
        var result = await _db.Get<ForkKit>().HandleAsync(_editor, new ForkKit.Request(_builtInId, null, null, null), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
