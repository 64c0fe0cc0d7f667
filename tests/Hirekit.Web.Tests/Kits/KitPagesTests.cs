using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using Hirekit.Testing;
using Hirekit.Web.Pages.Kits.Edit;
using Xunit.Abstractions;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Kits;

public sealed class KitPagesTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string SlowQuery = "tech-slow-query";

    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Library_ListsTheBuiltInKit_AndOffersImportToEditorsOnly()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);

        var asReader = await Forms.GetPageAsync(await App.SignedInBrowserAsync(interviewer), "/kits");
        var asEditor = await Forms.GetPageAsync(await App.SignedInBrowserAsync(admin), "/kits");

        var row = asReader.QuerySelectorAll("tbody tr").Single();
        Assert.Equal("Backend Developer", row.QuerySelector("th a")?.TextContent);
        Assert.Equal("Built-in template", row.QuerySelector(".badge")?.TextContent);
        Assert.Contains("Version 1", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("page", asReader.QuerySelector(".nav-wide a[href='/kits']")?.GetAttribute("aria-current"));
        Assert.Null(asReader.QuerySelector("a[href='/kits/import']"));
        Assert.NotNull(asEditor.QuerySelector("a[href='/kits/import']"));
    }

    [Fact]
    public async Task KitPage_ShowsTheFrameworkTraitsLoopsAndEveryQuestion()
    {
        var member = await App.NewOrganizationAsync(Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(member);
        var kitId = await BuiltInIdAsync(member);
        var kit = await KitAsync(member, kitId);

        var page = await Forms.GetPageAsync(browser, $"/kits/{kitId}");

        Assert.Equal(kit.Info.Name, page.QuerySelector("h1")?.TextContent);
        Assert.Equal(12, page.QuerySelectorAll("table.framework tbody tr.competency").Length);
        Assert.Equal(48, page.QuerySelectorAll("table.framework td.descriptor").Length);
        Assert.All(page.QuerySelectorAll("table.framework thead tr"), r => Assert.Equal(["Competency", "Junior", "Mid", "Senior", "Principal"], r.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent)));
        var links = page.QuerySelectorAll("a.question-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(kit.Questions.Select(q => $"/kits/{kitId}/questions/{q.Id}").Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.Equal(kit.Traits.Count, page.QuerySelectorAll("section[aria-labelledby=traits] dt").Length);
        Assert.Equal(kit.LoopTemplates.Count, page.QuerySelectorAll(".loop").Length);
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=overview] .prose p"));
        Assert.Equal(["h1", "h2"], HeadingLevels(page).Take(2));
        Assert.DoesNotContain(HeadingSkips(page), s => s);
        Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));
    }

    [Fact]
    public async Task KitPage_CostsTheSameQueriesForTheBuiltInKitAndATinyKit()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(editor));
        var builtIn = await KitsApiTests.BuiltInIdAsync(api);
        var tiny = await KitsApiTests.ImportAsync(api, KitsApiTests.SmallKitYaml("tiny-page-kit"));
        var browser = await App.SignedInBrowserAsync(editor);
        await Forms.GetPageAsync(browser, $"/kits/{builtIn}"); // warm the document cache for both
        await Forms.GetPageAsync(browser, $"/kits/{tiny}");

        var large = Queries(await browser.GetAsync(new Uri($"/kits/{builtIn}", UriKind.Relative)));
        var small = Queries(await browser.GetAsync(new Uri($"/kits/{tiny}", UriKind.Relative)));

        output.WriteLine($"Kit page queries: built-in kit {large}, tiny kit {small}");
        Assert.Equal(large, small);
        Assert.InRange(large, 1, 10);
    }

    [Fact]
    public async Task QuestionBank_CostsTheSameQueriesWithOneKitAndWithFour()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(editor));
        var browser = await App.SignedInBrowserAsync(editor);
        await Forms.GetPageAsync(browser, "/questions"); // warm the document cache
        var one = Queries(await browser.GetAsync(new Uri("/questions", UriKind.Relative)));
        for (var i = 0; i < 3; i++)
        {
            await KitsApiTests.ImportAsync(api, KitsApiTests.SmallKitYaml($"bank-cost-kit-{i}"));
        }

        await Forms.GetPageAsync(browser, "/questions"); // parse the new kits once
        var four = Queries(await browser.GetAsync(new Uri("/questions", UriKind.Relative)));

        output.WriteLine($"Question bank queries: one kit {one}, four kits {four}");
        Assert.Equal(one, four);
        Assert.InRange(one, 1, 10);
    }

    [Fact]
    public async Task QuestionPage_ShowsPromptIndicatorsFollowUpsAndModelAnswer()
    {
        var member = await App.NewOrganizationAsync(Role.Interviewer);
        var kitId = await BuiltInIdAsync(member);
        var question = (await KitAsync(member, kitId)).FindQuestion(SlowQuery)!;

        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(member), $"/kits/{kitId}/questions/{SlowQuery}");

        Assert.Equal(question.Title, page.QuerySelector("h1")?.TextContent);
        Assert.Equal(question.Positive.Count, page.QuerySelectorAll(".indicators.positive li").Length);
        Assert.Equal(question.Negative.Count, page.QuerySelectorAll(".indicators.negative li").Length);
        Assert.Contains(question.Positive[0].Cues[0], page.QuerySelector(".indicators.positive li .cues")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(question.FollowUps.Count, page.QuerySelectorAll("section[aria-labelledby=followups-heading] li").Length);
        Assert.NotEmpty(page.QuerySelectorAll("section[aria-labelledby=model-heading] .prose *"));
        Assert.Contains("Technical", page.QuerySelector(".kit-badges")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.retire-form"));
    }

    [Fact]
    public async Task QuestionBank_FiltersByKindAndText_AndPagesWithTheFiltersKept()
    {
        var member = await App.NewOrganizationAsync(Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(member);
        var kit = await KitAsync(member, await BuiltInIdAsync(member));
        var attitude = kit.Questions.Count(q => q.Kind == "attitude");

        var first = await Forms.GetPageAsync(browser, "/questions?kind=attitude");
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        var second = await Forms.GetPageAsync(browser, next!);
        var outbox = await Forms.GetPageAsync(browser, "/questions?q=outbox");
        var none = await Forms.GetPageAsync(browser, "/questions?q=zzzqqqxxy");

        Assert.True(attitude > 20, "the test needs more than one page of attitude questions");
        Assert.Equal(20, first.QuerySelectorAll(".result").Length);
        Assert.All(first.QuerySelectorAll(".result .result-meta .badge"), b => Assert.Equal("Attitude", b.TextContent));
        Assert.Contains("kind=attitude", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal(attitude - 20, second.QuerySelectorAll(".result").Length);
        Assert.Contains("kind=attitude", second.QuerySelector(".pager a[rel=prev]")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("attitude", (second.QuerySelector("select#kind option[selected]") as IHtmlOptionElement)?.Value);
        Assert.Contains(outbox.QuerySelectorAll(".result h3 a"), a => kit.FindQuestion(a.GetAttribute("href")!.Split('/')[^1]) is { } q && (q.Prompt + q.ModelAnswer + string.Join(' ', q.Positive.Select(p => p.Text))).Contains("outbox", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(none.QuerySelectorAll(".result"));
        Assert.NotNull(none.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task QuestionBank_FiltersByCompetencyLevelAndRound()
    {
        var member = await App.NewOrganizationAsync(Role.Recruiter);
        var kitId = await BuiltInIdAsync(member);
        var kit = await KitAsync(member, kitId);
        var question = kit.Questions.First(q => q.Kind == "competency");
        var expected = kit.Questions.Count(q => q.Competency == question.Competency && q.Round == question.Round && q.Levels.Contains(question.Levels[0]));

        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(member), $"/questions?kit={kitId}&subject=competency:{question.Competency}&level={question.Levels[0].Code()}&round={question.Round}");

        Assert.Equal(expected, page.QuerySelectorAll(".result").Length);
        Assert.Contains(page.QuerySelectorAll(".result h3 a"), a => a.TextContent == question.Title);
        Assert.Equal(2, page.QuerySelectorAll("select#subject optgroup").Length);
    }

    [Fact]
    public async Task Interviewer_SeesNoForkOrEditButtons_AndPostingForkIsForbidden()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(interviewer);
        var kitId = await BuiltInIdAsync(admin);

        var page = await Forms.GetPageAsync(browser, $"/kits/{kitId}");
        var fork = await Forms.SubmitAsync(browser, page, $"/kits/{kitId}?handler=Fork", []);
        var retire = await Forms.SubmitAsync(browser, page, $"/kits/{kitId}/questions/{SlowQuery}?handler=Retired&retired=true", []);
        var edit = await browser.GetAsync(new Uri($"/kits/{kitId}/edit", UriKind.Relative));
        var import = await browser.GetAsync(new Uri("/kits/import", UriKind.Relative));

        Assert.Null(page.QuerySelector("form[action*='handler=Fork']"));
        Assert.DoesNotContain(page.QuerySelectorAll("a, button"), e => e.TextContent.Trim() is "Fork" or "Edit draft");
        Assert.NotNull(page.QuerySelector("a[href*='handler=Export']"));
        Assert.Equal(HttpStatusCode.Forbidden, fork.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Single(await App.Get<ListKits>().HandleAsync(admin.Actor, CancellationToken.None));
    }

    [Fact]
    public async Task Export_DownloadsTheVersionAsYaml_ForReadersToo()
    {
        var member = await App.NewOrganizationAsync(Role.Interviewer);
        var kitId = await BuiltInIdAsync(member);

        var response = await (await App.SignedInBrowserAsync(member)).GetAsync(new Uri($"/kits/{kitId}?handler=Export&version=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(KitLoader.Parse(await response.Content.ReadAsStringAsync(), "export.yaml").IsValid);
    }

    [Fact]
    public async Task ForkEditPublish_ThroughThePages_ShowsVersionTwoAndTheDiff()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(editor);
        var builtIn = await BuiltInIdAsync(editor);

        var forked = await Forms.PostAsync(browser, $"/kits/{builtIn}", [], action: $"/kits/{builtIn}?handler=Fork");
        Assert.Equal(HttpStatusCode.Redirect, forked.StatusCode);
        var kitPath = forked.Headers.Location!.OriginalString;
        var forkPage = await Forms.GetPageAsync(browser, kitPath);
        Assert.Contains("Forked as", forkPage.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Remix", forkPage.QuerySelector(".kit-badges .badge")?.TextContent);
        var editLink = forkPage.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!;

        var traitPage = await Forms.GetPageAsync(browser, $"{editLink}/traits/learning");
        var trait = await SubmitFormAsync(browser, traitPage, "main form", new() { ["Form.Definition"] = "Learns on purpose what the next problem needs, and shares it." }, action: $"{editLink}/traits/learning");
        Assert.Equal(HttpStatusCode.Redirect, trait.StatusCode);

        var questionPage = await Forms.GetPageAsync(browser, $"{editLink}/questions/{SlowQuery}");
        var positive = questionPage.QuerySelector("textarea[name='Form.Positive']")!.TextContent;
        var question = await SubmitFormAsync(browser, questionPage, "main form", new() { ["Form.Positive"] = positive + "\r\nReads the plan before adding any index | query plan, explain analyze" }, action: $"{editLink}/questions/{SlowQuery}");
        Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);

        var editPage = await Forms.GetPageAsync(browser, editLink);
        Assert.Contains("Saved the question", editPage.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        var published = await SubmitFormAsync(browser, editPage, "form[action*='handler=Publish']", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var v2 = await Forms.GetPageAsync(browser, published.Headers.Location!.OriginalString);
        var diff = await Forms.GetPageAsync(browser, $"{kitPath}/diff?from=1&to=2");

        Assert.Contains("Published version 2", v2.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", (v2.QuerySelector("select#version option[selected]") as IHtmlOptionElement)?.Value);
        var sections = diff.QuerySelectorAll(".diff-section h2").Select(h => h.TextContent).ToList();
        Assert.Equal(2, sections.Count);
        Assert.StartsWith("Traits", sections[0], StringComparison.Ordinal);
        Assert.StartsWith("Questions", sections[1], StringComparison.Ordinal);
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.TextContent == "Learns on purpose what the next problem needs, and shares it.");
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.TextContent.StartsWith("Reads the plan before adding any index", StringComparison.Ordinal));
        Assert.Single(diff.QuerySelectorAll("section[aria-labelledby=diff-questions] .change"));
    }

    [Fact]
    public async Task InvalidQuestionForm_KeepsTheEnteredTextAndShowsTheProblem()
    {
        var editor = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(editor);
        var forkId = await ForkAsync(editor);

        var form = await Forms.GetPageAsync(browser, $"/kits/{forkId}/edit/questions/{SlowQuery}");
        var response = await SubmitFormAsync(
            browser,
            form,
            "main form",
            new() { ["Form.Title"] = "A title I typed with care", ["Form.Positive"] = "Only one sign | lonely cue" },
            action: $"/kits/{forkId}/edit/questions/{SlowQuery}");
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Signs of a strong answer", page.QuerySelector(".error-summary .problem-list")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 4", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("A title I typed with care", page.QuerySelector("input[name='Form.Title']")?.GetAttribute("value"));
        Assert.Equal("Only one sign | lonely cue", page.QuerySelector("textarea[name='Form.Positive']")?.TextContent.Trim());
        Assert.Contains("at least 4", page.QuerySelector("[data-valmsg-for='Form.Positive']")?.TextContent, StringComparison.Ordinal);
        var draft = await App.Get<KitDraftEditor>().OpenAsync(editor.Actor, forkId, CancellationToken.None);
        Assert.Null(draft.Value.Hash); // nothing was saved
    }

    [Fact]
    public async Task NewQuestionForm_AddsAQuestionAtTheEnd_AndRefusesATakenId()
    {
        var editor = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(editor);
        var forkId = await ForkAsync(editor);
        var fields = new Dictionary<string, string>
        {
            ["Form.Id"] = "arch-retry-budget",
            ["Form.Kind"] = "competency",
            ["Form.Competency"] = "performance",
            ["Form.Round"] = "peer-technical",
            ["Form.Title"] = "A retry storm you stopped",
            ["Form.Prompt"] = "Tell me about a time retries made an outage worse.",
            ["Form.Positive"] = "Names a retry budget | retry budget\nAdds jitter | jitter\nUses backoff | exponential backoff\nMeasures the amplification | amplification",
            ["Form.Negative"] = "Retries forever\nNo backoff\nNo metrics\nBlames the network",
            ["Form.FollowUps"] = "How did you find it?\nWhat would you change now?",
        };

        var newPath = $"/kits/{forkId}/edit/questions/new";
        var taken = await SubmitFormAsync(browser, await Forms.GetPageAsync(browser, newPath), "main form", new(fields) { ["Form.Id"] = SlowQuery }, action: newPath);
        var added = await SubmitFormAsync(browser, await Forms.GetPageAsync(browser, newPath), "main form", fields, action: newPath, levels: ["mid", "senior"]);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("already has a question", (await Forms.ParseAsync(taken)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var draft = (await App.Get<KitDraftEditor>().OpenAsync(editor.Actor, forkId, CancellationToken.None)).Value.Kit;
        var question = draft.Questions[^1];
        Assert.Equal(("arch-retry-budget", "A retry storm you stopped"), (question.Id, question.Title));
        Assert.Equal([Level.Mid, Level.Senior], question.Levels);
        Assert.Equal(["exponential backoff"], question.Positive[2].Cues);
        Assert.Equal(draft.FindQuestion(SlowQuery), (await KitAsync(editor, forkId)).FindQuestion(SlowQuery));
    }

    [Fact]
    public async Task StaleExpectedHash_ShowsTheChangedMessageInsteadOfOverwriting()
    {
        var editor = await App.NewOrganizationAsync(Role.Recruiter);
        var browser = await App.SignedInBrowserAsync(editor);
        var forkId = await ForkAsync(editor);
        var traitPath = $"/kits/{forkId}/edit/traits/ownership";
        var traitPage = await Forms.GetPageAsync(browser, traitPath);
        var first = await SubmitFormAsync(browser, traitPage, "main form", new() { ["Form.Definition"] = "The first definition someone saved." }, action: traitPath);

        var second = await SubmitFormAsync(browser, traitPage, "main form", new() { ["Form.Definition"] = "A second definition from an old page." }, action: traitPath);
        var page = await Forms.ParseAsync(second);
        var moved = await SubmitFormAsync(browser, await Forms.GetPageAsync(browser, $"/kits/{forkId}/edit"), "form.question-order", new() { ["ExpectedHash"] = "not-the-draft-any-more", ["questionId"] = SlowQuery }, action: $"/kits/{forkId}/edit?handler=Move&by=1");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("changed since you opened it", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("A second definition from an old page.", page.QuerySelector("textarea[name='Form.Definition']")?.TextContent.Trim());
        Assert.Contains("changed since you opened it", (await Forms.ParseAsync(moved)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        var draft = (await App.Get<KitDraftEditor>().OpenAsync(editor.Actor, forkId, CancellationToken.None)).Value.Kit;
        Assert.Equal("The first definition someone saved.", draft.FindTrait("ownership")!.Definition);
    }

    [Fact]
    public async Task EditPage_MovesRemovesAndDiscards()
    {
        var editor = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(editor);
        var forkId = await ForkAsync(editor);
        var kit = await KitAsync(editor, forkId);
        var original = kit.Questions.Select(q => q.Id).ToList();
        var unreferenced = original.Last(id => !kit.LoopTemplates.Any(l => l.Stages.Any(s => s.Questions.Contains(id))) && kit.WrittenScreen?.Questions.Contains(id) != true);

        var edit = await Forms.GetPageAsync(browser, $"/kits/{forkId}/edit");
        Assert.Contains("no draft yet", edit.QuerySelector(".lead")?.TextContent, StringComparison.Ordinal);
        await SubmitFormAsync(browser, edit, "form.question-order", new() { ["questionId"] = original[0] }, action: $"/kits/{forkId}/edit?handler=Move&by=1");
        edit = await Forms.GetPageAsync(browser, $"/kits/{forkId}/edit");
        await SubmitFormAsync(browser, edit, "form.question-order", new() { ["questionId"] = unreferenced }, action: $"/kits/{forkId}/edit?handler=Remove");
        var draft = (await App.Get<KitDraftEditor>().OpenAsync(editor.Actor, forkId, CancellationToken.None)).Value.Kit.Questions.Select(q => q.Id).ToList();
        edit = await Forms.GetPageAsync(browser, $"/kits/{forkId}/edit");
        var discarded = await SubmitFormAsync(browser, edit, "form[action*='handler=Discard']", []);

        Assert.Equal([original[1], original[0]], draft.Take(2));
        Assert.DoesNotContain(unreferenced, draft);
        Assert.Equal(original.Count - 1, draft.Count);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Null((await App.Get<KitDraftEditor>().OpenAsync(editor.Actor, forkId, CancellationToken.None)).Value.Hash);
    }

    [Fact]
    public async Task EditingTheBuiltInKit_LeadsBackToItsPage()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(editor);
        var kitId = await BuiltInIdAsync(editor);

        var kitPage = await Forms.GetPageAsync(browser, $"/kits/{kitId}");
        var edit = await browser.GetAsync(new Uri($"/kits/{kitId}/edit", UriKind.Relative));

        Assert.NotNull(kitPage.QuerySelector("form[action*='handler=Fork'] button"));
        Assert.Null(kitPage.QuerySelector("a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("read-only", (await Forms.GetPageAsync(browser, edit.Headers.Location!.OriginalString)).QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ValidUploadCreatesAKit()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(editor);

        var response = await UploadAsync(browser, KitsApiTests.SmallKitYaml("uploaded-kit"), "uploaded-kit.yaml");
        var kitPage = await Forms.GetPageAsync(browser, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Tiny kit", kitPage.QuerySelector("h1")?.TextContent);
        Assert.Equal("Imported", kitPage.QuerySelector(".kit-badges .badge")?.TextContent);
        Assert.Contains("Imported", kitPage.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_InvalidYamlListsEachProblemWithLineAndColumn()
    {
        var editor = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(editor);
        var broken = KitsApiTests.SmallKitYaml("broken-kit").Replace("stage_kind: technical", "stage_kind: karaoke", StringComparison.Ordinal).Replace("levels: [mid]", "levels: [guru]", StringComparison.Ordinal);

        var uploaded = await Forms.ParseAsync(await UploadAsync(browser, broken, "broken.yaml"));
        var pasted = await Forms.ParseAsync(await Forms.PostAsync(browser, "/kits/import", new() { ["Yaml"] = "format: hirekit-kit/1\nkit:\n  slug: [oops\n" }));

        var problems = uploaded.QuerySelectorAll(".problem-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Matches(@"^broken\.yaml:\d+:\d+: \S+: .+", p));
        Assert.Contains(problems, p => p.Contains("rounds[0].stage_kind", StringComparison.Ordinal) && p.Contains("karaoke", StringComparison.Ordinal));
        Assert.Matches(@"^pasted\.yaml:\d+:\d+: ", pasted.QuerySelector(".problem-list li")?.TextContent);
        Assert.Contains("slug: [oops", pasted.QuerySelector("textarea[name=Yaml]")?.TextContent, StringComparison.Ordinal);
        Assert.Single(await App.Get<ListKits>().HandleAsync(editor.Actor, CancellationToken.None));
    }

    [Fact]
    public async Task ImportPage_RefusesAFileOverFiveMegabytes()
    {
        var editor = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(editor);

        var response = await UploadAsync(browser, "# " + new string('x', ImportKit.MaxBytes), "huge.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("larger than 5 MB", (await Forms.ParseAsync(response)).QuerySelector("[data-valmsg-for=Upload]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetireAndRestoreButtons_ChangeTheQuestionBank()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(editor);
        var kitId = await BuiltInIdAsync(editor);
        var title = (await KitAsync(editor, kitId)).FindQuestion(SlowQuery)!.Title;
        var questionPath = $"/kits/{kitId}/questions/{SlowQuery}";

        var before = await BankTitlesAsync(browser, "/questions?kind=technical");
        var retired = await SubmitFormAsync(browser, await Forms.GetPageAsync(browser, questionPath), "form.retire-form", []);
        var afterRetire = await BankTitlesAsync(browser, "/questions?kind=technical");
        var withRetired = await Forms.GetPageAsync(browser, "/questions?kind=technical&retired=true");
        var questionPage = await Forms.GetPageAsync(browser, questionPath);
        var restored = await SubmitFormAsync(browser, questionPage, "form.retire-form", []);
        var afterRestore = await BankTitlesAsync(browser, "/questions?kind=technical");

        Assert.Contains(title, before);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(title, afterRetire);
        Assert.Contains(withRetired.QuerySelectorAll(".result"), r => r.QuerySelector("h3 a")?.TextContent == title && r.QuerySelector("h3 .badge")?.TextContent == "Retired");
        Assert.Equal("Restore", questionPage.QuerySelector("form.retire-form button")?.TextContent);
        Assert.Contains("Retired", questionPage.QuerySelector(".kit-badges")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains(title, afterRestore);
    }

    [Fact]
    public async Task KitsOfAnotherOrganization_GiveTheFriendly404()
    {
        var owner = await App.NewOrganizationAsync();
        var stranger = await App.NewOrganizationAsync(Role.Admin);
        var browser = await App.SignedInBrowserAsync(stranger);
        var kitOfA = await BuiltInIdAsync(owner);
        var forkOfA = await ForkAsync(owner);

        string[] paths =
        [
            $"/kits/{kitOfA}", $"/kits/{kitOfA}?version=1", $"/kits/{kitOfA}?handler=Export", $"/kits/{kitOfA}/questions/{SlowQuery}", $"/kits/{kitOfA}/diff?from=1&to=1",
            $"/kits/{forkOfA}/edit", $"/kits/{forkOfA}/edit/traits/learning", $"/kits/{forkOfA}/edit/questions/{SlowQuery}", $"/kits/{forkOfA}/edit/competencies/performance",
        ];
        foreach (var path in paths)
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal("Page not found", (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
        }

        var ownPage = await Forms.GetPageAsync(browser, "/kits");
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.SubmitAsync(browser, ownPage, $"/kits/{kitOfA}?handler=Fork", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.SubmitAsync(browser, ownPage, $"/kits/{forkOfA}/edit?handler=Publish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/kits/{await BuiltInIdAsync(stranger)}/questions/no-such-question", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void QuestionForm_RoundTripsEveryBuiltInQuestionUnchanged()
    {
        var kit = App.Get<BuiltInKitCatalog>().Kits.Single().Kit;

        Assert.All(kit.Questions, q => Assert.Equal(q, QuestionModel.QuestionForm.From(q).ToQuestion(q.Id)));
    }

    private async Task<Guid> BuiltInIdAsync(TestMember member) =>
        (await App.Get<ListKits>().HandleAsync(member.Actor, CancellationToken.None)).Single(k => k.Origin == KitOrigins.BuiltIn).Id;

    private async Task<Kit> KitAsync(TestMember member, Guid kitId) =>
        (await App.Get<GetKitVersion>().HandleAsync(member.Actor, new GetKitVersion.Request(kitId, null), CancellationToken.None)).Value.Kit;

    private async Task<Guid> ForkAsync(TestMember member) =>
        (await App.Get<ForkKit>().HandleAsync(member.Actor, new ForkKit.Request(await BuiltInIdAsync(member), null, null, null), CancellationToken.None)).Value.Id;

    private static async Task<List<string>> BankTitlesAsync(HttpClient browser, string url) =>
        (await Forms.GetPageAsync(browser, url)).QuerySelectorAll(".result h3 a").Select(a => a.TextContent).ToList();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string yaml, string fileName)
    {
        var page = await Forms.GetPageAsync(browser, "/kits/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)), "Upload", fileName },
            { new StringContent(""), "Yaml" },
        };
        return await browser.PostAsync(new Uri("/kits/import", UriKind.Relative), content);
    }

    /// <summary>
    /// Submits a form the way a browser does: every field with its current value (checked boxes
    /// only, the selected option), then <paramref name="changes"/> on top.
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, IHtmlDocument page, string selector, Dictionary<string, string> changes, string? action = null, IReadOnlyList<string>? levels = null)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || changes.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (levels is not null && name == "Form.Levels")
                    {
                        break;
                    }

                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (option is not null)
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
            }
        }

        fields.AddRange(changes);
        fields.AddRange((levels ?? []).Select(l => new KeyValuePair<string, string>("Form.Levels", l)));
        var target = action ?? form.GetAttribute("action") ?? throw new InvalidOperationException("The form posts to its page's address: pass it as the action.");
        return await browser.PostAsync(new Uri(WebUtility.HtmlDecode(target), UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static IEnumerable<string> HeadingLevels(IHtmlDocument page) =>
        page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => h.LocalName);

    /// <summary>True for each heading that skips a level after the previous one (h2 then h4).</summary>
    private static IEnumerable<bool> HeadingSkips(IHtmlDocument page)
    {
        var levels = HeadingLevels(page).Select(n => int.Parse(n[1..], CultureInfo.InvariantCulture)).ToList();
        return levels.Zip(levels.Skip(1), (a, b) => b > a + 1);
    }

}
