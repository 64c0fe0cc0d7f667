using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Xunit.Abstractions;
using static Hirekit.Web.Tests.Candidates.CandidatesApiTests;
using static Hirekit.Web.Tests.Candidates.PageForms;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Candidates;

public sealed class PipelinePagesTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Board_ShowsAColumnPerStageWithCounts_AndTheColumnFormMovesACandidate()
    {
        var manager = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(manager));
        var recruiter = App.Api(await App.TokenForAsync(await App.AddMemberAsync(manager.OrganizationId, Role.Recruiter)));
        var (jobId, stages) = await PipelineApiTests.JobWithLoopAsync(api);
        var ann = await CandidateWithApplicationAsync(recruiter, "Ann Board", jobId);
        await CandidateWithApplicationAsync(recruiter, "Ben Board", jobId);
        var browser = await App.SignedInBrowserAsync(manager);
        var path = $"/jobs/{jobId}/pipeline";

        var before = await Forms.GetPageAsync(browser, path);
        var moved = await SubmitAsync(browser, before, path, ".board-column.stage-applied form.column-move", new() { ["applicationId"] = ann.Application.ToString(), ["stage"] = $"loop:{stages[0]}" });
        var after = await Forms.GetPageAsync(browser, Location(moved));
        var application = await Forms.GetPageAsync(browser, $"/applications/{ann.Application}");

        Assert.Equal(stages.Count + 5, before.QuerySelectorAll(".board-column").Length);
        Assert.Equal("Applied", before.QuerySelector(".board-column h2 .column-name")?.TextContent);
        Assert.Equal(["2", "0"], Counts(before).Take(2));
        Assert.Equal(["Ben Board", "Ann Board"], CardNames(before.QuerySelectorAll(".board-column")[0]));
        // The column's one stage list: a "choose" prompt, then every stage a card can move to but this one.
        Assert.Equal(stages.Count + 3, before.QuerySelector(".board-column.stage-applied form.column-move select[name=stage]")!.QuerySelectorAll("option").Length);
        Assert.Equal(2, before.QuerySelectorAll(".board-column.stage-applied form.column-move .board-card input[type=checkbox][name=applicationId]").Length);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"{path}#card-{ann.Application}", Location(moved));
        Assert.Equal(["1", "1"], Counts(after).Take(2));
        Assert.Equal(["Ann Board"], CardNames(after.QuerySelectorAll(".board-column")[1]));
        Assert.Equal("Moved 1.", after.QuerySelector(".notice")?.TextContent);
        Assert.NotNull(after.QuerySelectorAll(".board-column")[1].QuerySelector($"form.column-move #card-{ann.Application} input[value='{ann.Application}']"));
        var latest = application.QuerySelector(".history li")!;
        Assert.Contains($"Applied → {after.QuerySelectorAll(".board-column .column-name")[1].TextContent}", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains($"by {manager.DisplayName}", latest.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_MoveWithJson_AnswersJsonForTheScript_AndRefusesARejectedApplication()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, stages) = await PipelineApiTests.JobWithLoopAsync(api);
        var moving = await CandidateWithApplicationAsync(api, "Dragged", jobId);
        var rejected = await CandidateWithApplicationAsync(api, "Already Out", jobId);
        await api.PostAsJsonAsync($"/api/v1/applications/{rejected.Application}/reject", new { reasonCode = "skills_gap" });
        var browser = await App.SignedInBrowserAsync(admin);
        var path = $"/jobs/{jobId}/pipeline";
        var board = await Forms.GetPageAsync(browser, path);

        var ok = await PostJsonMoveAsync(browser, board, path, moving.Application, $"loop:{stages[1]}");
        var refused = await PostJsonMoveAsync(browser, board, path, rejected.Application, "offer");
        var bad = await PostJsonMoveAsync(browser, board, path, moving.Application, "the-moon");
        var nobody = await PostJsonMoveAsync(browser, board, path, null, "offer");
        var after = await Forms.GetPageAsync(browser, path);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal($"loop:{stages[1]}", (await Json(ok)).GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False((await Json(refused)).GetProperty("ok").GetBoolean());
        Assert.Contains("rejected", (await Json(refused)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["Dragged"], CardNames(after.QuerySelectorAll(".board-column")[2]));
        Assert.Null(after.QuerySelector($"#card-{rejected.Application} input"));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Equal("Choose at least one candidate.", (await Json(nobody)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task MovingARejectedApplication_ShowsTheErrorOnThePage()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Stale Tab", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/applications/{application}";
        var stale = await Forms.GetPageAsync(browser, path);
        var board = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/pipeline");
        await api.PostAsJsonAsync($"/api/v1/applications/{application}/reject", new { reasonCode = "position_filled" });

        var response = await SubmitAsync(browser, stale, path, "form.move-form", new() { ["Stage"] = "offer" });
        var page = await Forms.ParseAsync(response);
        var fromBoard = await SubmitAsync(browser, board, $"/jobs/{jobId}/pipeline", ".board-column.stage-applied form.column-move", new() { ["applicationId"] = application.ToString(), ["stage"] = "offer" });
        var boardPage = await Forms.ParseAsync(fromBoard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot move any more", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rejected", page.QuerySelector(".stage-now")?.TextContent);
        Assert.Null(page.QuerySelector("form.move-form"));
        Assert.Equal(HttpStatusCode.OK, fromBoard.StatusCode);
        Assert.Contains("cannot move any more", boardPage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", boardPage.QuerySelectorAll(".board-column.stage-rejected [data-count]").Single().TextContent);
    }

    [Fact]
    public async Task Reject_WithAReasonAndNote_EndsTheApplicationAndKeepsThemInTheHistory()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (candidate, application) = await CandidateWithApplicationAsync(api, "Not This Time", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/applications/{application}";
        var page = await Forms.GetPageAsync(browser, path);

        var missingReason = await Forms.ParseAsync(await SubmitAsync(browser, page, path, "form.reject-form", new() { ["RejectNote"] = "Kept when the reason is missing" }));
        var rejected = await SubmitAsync(browser, page, path, "form.reject-form", new() { ["ReasonCode"] = "level_mismatch", ["RejectNote"] = "Strong, but we need more system design depth." });
        var after = await FollowAsync(browser, rejected);
        var profile = await Forms.GetPageAsync(browser, $"/candidates/{candidate}");

        Assert.Equal("#ReasonCode", missingReason.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Kept when the reason is missing", missingReason.QuerySelector("#RejectNote")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal("Rejected", after.QuerySelector(".stage-now")?.TextContent);
        var latest = after.QuerySelector(".history li")!;
        Assert.Contains("Rejected at Applied", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reason: Experience level does not match", latest.TextContent, StringComparison.Ordinal);
        Assert.Equal("Strong, but we need more system design depth.", latest.QuerySelector(".note")?.TextContent);
        Assert.Null(after.QuerySelector("form.reject-form"));
        Assert.Contains("Experience level does not match", profile.QuerySelector("table.applications tbody tr")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_RecordsTheWithdrawal()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Took Another Offer", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/applications/{application}";

        var withdrawn = await SubmitAsync(browser, await Forms.GetPageAsync(browser, path), path, "form.withdraw-form", new() { ["WithdrawNote"] = "Accepted an offer elsewhere." });
        var after = await FollowAsync(browser, withdrawn);

        Assert.Equal("Withdrawn", after.QuerySelector(".stage-now")?.TextContent);
        Assert.Equal("Accepted an offer elsewhere.", after.QuerySelector(".history li .note")?.TextContent);
    }

    [Fact]
    public async Task ResumeScreen_ShowsTheFlagsWithMarkedHints_AndSavesTheReviewersDecision()
    {
        var manager = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(manager));
        var recruiter = App.Api(await App.TokenForAsync(await App.AddMemberAsync(manager.OrganizationId, Role.Recruiter)));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(recruiter, "Screened Page", jobId, "Senior engineer. Ran PostgreSQL and MongoDB clusters in production. Designed REST APIs used by 40 partners.");
        var browser = await App.SignedInBrowserAsync(manager);
        var path = $"/applications/{application}";
        var page = await Forms.GetPageAsync(browser, path);
        var boxes = page.QuerySelectorAll("form.screen-form input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        var hinted = page.QuerySelectorAll("fieldset.flags.green .flag").First(f => f.QuerySelector(".passages") is not null);
        var flag = hinted.QuerySelector("input")!.GetAttribute("value")!;

        var saved = await SubmitAsync(browser, page, path, "form.screen-form", new() { ["Checked"] = flag, ["ScreenNote"] = "Database depth is real." });
        var after = await Forms.GetPageAsync(browser, path);
        var screen = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}/screen", UriKind.Relative))).RootElement;

        Assert.Equal(9, boxes.Count); // the kit's 5 green and 4 yellow flags
        Assert.All(boxes, b => Assert.False(b.IsChecked));
        Assert.NotNull(hinted.QuerySelector(".passages mark"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((after.QuerySelector($"#flag-{flag}") as IHtmlInputElement)?.IsChecked);
        Assert.Equal(1, after.QuerySelectorAll("form.screen-form input[type=checkbox]").Cast<IHtmlInputElement>().Count(b => b.IsChecked));
        Assert.Equal("Database depth is real.", after.QuerySelector("#ScreenNote")?.TextContent.Trim());
        Assert.Contains($"Last saved by {manager.DisplayName}", after.QuerySelector(".screen-saved")?.TextContent, StringComparison.Ordinal);
        Assert.True(screen.GetProperty("decision").GetProperty("flags").GetProperty(flag).GetBoolean());
        Assert.Equal(8, screen.GetProperty("decision").GetProperty("flags").EnumerateObject().Count(f => !f.Value.GetBoolean()));
    }

    [Fact]
    public async Task AnInterviewerOnTheJob_ReadsTheBoardAndApplication_ButCannotMove()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Read Only", jobId);
        await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/team", new { interviewers = new[] { interviewer.UserId } });
        var browser = await App.SignedInBrowserAsync(interviewer);
        var adminBrowser = await App.SignedInBrowserAsync(admin);
        var path = $"/applications/{application}";

        var board = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/pipeline");
        var page = await Forms.GetPageAsync(browser, path);
        var adminPage = await Forms.GetPageAsync(adminBrowser, path);
        var posted = await Forms.SubmitAsync(browser, page, $"{path}?handler=Move", new() { ["Stage"] = "offer" });
        var screened = await Forms.SubmitAsync(browser, page, $"{path}?handler=Screen", new() { ["Checked"] = adminPage.QuerySelector("form.screen-form input[type=checkbox]")!.GetAttribute("value")! });

        Assert.Equal(["Read Only"], CardNames(board.QuerySelectorAll(".board-column")[0]));
        Assert.Empty(board.QuerySelectorAll("form.column-move"));
        Assert.Empty(board.QuerySelectorAll("input[name=applicationId]"));
        Assert.Null(board.QuerySelector(".droppable"));
        Assert.Null(page.QuerySelector("form.move-form"));
        Assert.All(page.QuerySelectorAll("form.screen-form input[type=checkbox]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, screened.StatusCode);
    }

    [Fact]
    public async Task Board_CostsTheSameQueriesWithFiveAndWithSixtyApplications()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (small, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (large, _) = await PipelineApiTests.JobWithLoopAsync(api);
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, 5, small, "Five");
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, 60, large, "Sixty");
        var (warm, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var browser = await App.SignedInBrowserAsync(admin);
        await browser.GetAsync(new Uri($"/jobs/{warm}/pipeline", UriKind.Relative)); // the session's first use, the kit parsed

        // First reads read the cards; second reads find them cached (ADR 22). Both are counted.
        var fewRead = await browser.GetAsync(new Uri($"/jobs/{small}/pipeline", UriKind.Relative));
        var manyRead = await browser.GetAsync(new Uri($"/jobs/{large}/pipeline", UriKind.Relative));
        var few = await browser.GetAsync(new Uri($"/jobs/{small}/pipeline", UriKind.Relative));
        var many = await browser.GetAsync(new Uri($"/jobs/{large}/pipeline", UriKind.Relative));
        var manyPage = await Forms.ParseAsync(many);
        var application = await Forms.GetPageAsync(browser, $"/jobs/{large}/pipeline");
        var anyCard = application.QuerySelector(".board-card a.card-name")!.GetAttribute("href")!;
        await browser.GetAsync(new Uri(anyCard, UriKind.Relative));
        var applicationQueries = Queries(await browser.GetAsync(new Uri(anyCard, UriKind.Relative)));

        output.WriteLine($"Pipeline board: {Queries(few)} queries with 5 applications, {Queries(many)} with 60; application page: {applicationQueries}");
        Assert.Equal(Queries(fewRead), Queries(manyRead));
        Assert.Equal(Queries(few), Queries(many));
        Assert.InRange(Queries(fewRead), 1, 10);
        Assert.Equal("60", manyPage.QuerySelector(".board-column [data-count]")?.TextContent);
        Assert.Equal(20, manyPage.QuerySelectorAll(".board-column")[0].QuerySelectorAll(".board-card").Length);
        Assert.Equal($"/candidates?job={large}&stage=applied", manyPage.QuerySelector(".board-column .more-link a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_HaveOrderedHeadingsAndNoInlineScriptOrStyle()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (candidate, application) = await CandidateWithApplicationAsync(api, "Heading Check", jobId, "Go and PostgreSQL in production.");
        var browser = await App.SignedInBrowserAsync(admin);

        foreach (var path in new[] { "/candidates", "/candidates/new", "/candidates/import", $"/candidates/{candidate}", $"/candidates/{candidate}/merge?q=heading", $"/applications/{application}", $"/jobs/{jobId}/pipeline" })
        {
            var page = await Forms.GetPageAsync(browser, path);
            var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => int.Parse(h.TagName[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(levels.Count > 0 && levels[0] == 1, $"{path} starts with an h1");
            Assert.True(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First + 1), $"{path} skips a heading level: {string.Join(",", levels)}");
            Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));
            // A field is labelled by a label naming its id, or by the label it sits in (the board's card checkboxes).
            Assert.All(page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"), field =>
                Assert.True((field.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null) || field.Closest("label") is { TextContent.Length: > 0 }, $"{path}: field {field.GetAttribute("name")} has no label"));
        }
    }

    private static List<string> Counts(IHtmlDocument page) => page.QuerySelectorAll(".board-column [data-count]").Select(c => c.TextContent).ToList();

    private static List<string> CardNames(IElement column) => column.QuerySelectorAll(".board-card a.card-name").Select(a => a.TextContent).ToList();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Posts as pipeline.js does after a drop: one application (or none), the stage, the page's token, asking for JSON.</summary>
    private static Task<HttpResponseMessage> PostJsonMoveAsync(HttpClient browser, IHtmlDocument board, string path, Guid? application, string stage)
    {
        var token = board.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["stage"] = stage, ["__RequestVerificationToken"] = token };
        if (application is { } id)
        {
            fields["applicationId"] = id.ToString();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{path}?handler=Move", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/json");
        return browser.SendAsync(request);
    }
}
