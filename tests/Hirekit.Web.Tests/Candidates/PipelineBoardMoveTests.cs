using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Xunit.Abstractions;
using static Hirekit.Web.Tests.Candidates.CandidatesApiTests;
using static Hirekit.Web.Tests.Candidates.PageForms;

namespace Hirekit.Web.Tests.Candidates;

/// <summary>
/// The board's column move forms: one form, token and stage list per column, a checkbox per card,
/// and a move handler that takes one application or many.
/// </summary>
public sealed partial class PipelineBoardMoveTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string AppliedForm = ".board-column.stage-applied form.column-move";

    private HirekitApp App => fixture.App;

    [Fact]
    public async Task ColumnForm_WithTwoCardsTicked_MovesBoth_RecordsTheirHistory_AndSaysMoved2()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, stages) = await PipelineApiTests.JobWithLoopAsync(api);
        var ann = await CandidateWithApplicationAsync(api, "Ann Bulk", jobId);
        var ben = await CandidateWithApplicationAsync(api, "Ben Bulk", jobId);
        var cy = await CandidateWithApplicationAsync(api, "Cy Stays", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/jobs/{jobId}/pipeline";
        var before = await Forms.GetPageAsync(browser, path);

        var moved = await Column(before, AppliedForm).Add("applicationId", ann.Application.ToString()).Add("applicationId", ben.Application.ToString())
            .Set("stage", $"loop:{stages[0]}").PostAsync(browser, Action(before, AppliedForm));
        var after = await FollowAsync(browser, moved);

        Assert.Single(before.QuerySelectorAll(AppliedForm));
        Assert.Single(before.QuerySelectorAll($"{AppliedForm} input[name=__RequestVerificationToken]"));
        Assert.Single(before.QuerySelectorAll($"{AppliedForm} select[name=stage]"));
        Assert.Equal(3, before.QuerySelectorAll($"{AppliedForm} .board-card input[type=checkbox][name=applicationId]").Length);
        Assert.Equal("Select Ann Bulk", before.QuerySelector($"#card-{ann.Application} label.card-pick")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("Moved 2.", after.QuerySelector(".notice")?.TextContent);
        Assert.Equal(["Cy Stays"], CardNames(after, "applied"));
        Assert.Equal(["Ann Bulk", "Ben Bulk"], CardNames(after, "loop").Order());
        Assert.NotNull(after.QuerySelector($".board-column.stage-loop form.column-move #card-{ben.Application} input[value='{ben.Application}']"));
        foreach (var application in new[] { ann.Application, ben.Application })
        {
            var details = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}", UriKind.Relative))).RootElement;
            var latest = details.GetProperty("history").EnumerateArray().Last();
            Assert.Equal("moved", latest.GetProperty("kind").GetString());
            Assert.Equal(stages[0], latest.GetProperty("toStageId").GetGuid());
            Assert.Equal(recruiter.DisplayName, latest.GetProperty("actorName").GetString());
        }

        var untouched = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{cy.Application}", UriKind.Relative))).RootElement;
        Assert.Equal("applied", untouched.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task ColumnForm_WithNothingTicked_OrTooManyTicked_ShowsAFormError_AndMovesNoOne()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var ann = await CandidateWithApplicationAsync(api, "Ann Unticked", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var board = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/pipeline");
        var tooMany = Column(board, AppliedForm).Set("stage", "offer").Add("applicationId", ann.Application.ToString());
        foreach (var _ in Enumerable.Range(0, 100))
        {
            tooMany.Add("applicationId", Guid.NewGuid().ToString());
        }

        var none = await Column(board, AppliedForm).Set("stage", "offer").PostAsync(browser, Action(board, AppliedForm));
        var noneAndNoStage = await Column(board, AppliedForm).PostAsync(browser, Action(board, AppliedForm));
        var over = await tooMany.PostAsync(browser, Action(board, AppliedForm));
        var nonePage = await Forms.ParseAsync(none);
        var noStagePage = await Forms.ParseAsync(noneAndNoStage);
        var overPage = await Forms.ParseAsync(over);
        var details = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{ann.Application}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Choose at least one candidate.", nonePage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Ann Unticked"], CardNames(nonePage, "applied"));
        Assert.Equal(HttpStatusCode.OK, noneAndNoStage.StatusCode);
        Assert.Contains("Choose a stage from the list.", noStagePage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose at least one candidate.", noStagePage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("at most 100 candidates", overPage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("applied", details.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task ColumnForm_WithAMovableAndARejectedApplication_MovesTheOne_AndReportsTheOther()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var good = await CandidateWithApplicationAsync(api, "Goes Ahead", jobId);
        var stale = await CandidateWithApplicationAsync(api, "Rejected Meanwhile", jobId);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/jobs/{jobId}/pipeline";
        var board = await Forms.GetPageAsync(browser, path);
        (await api.PostAsJsonAsync($"/api/v1/applications/{stale.Application}/reject", new { reasonCode = "position_filled" })).EnsureSuccessStatusCode();

        var moved = await Column(board, AppliedForm).Add("applicationId", good.Application.ToString()).Add("applicationId", stale.Application.ToString())
            .Set("stage", "offer").PostAsync(browser, Action(board, AppliedForm));
        var after = await FollowAsync(browser, moved);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"{path}#card-{good.Application}", Location(moved));
        Assert.Equal("Moved 1. 1 not moved: The application is rejected; it cannot move any more.", after.QuerySelector(".notice")?.TextContent);
        Assert.Equal(["Goes Ahead"], CardNames(after, "offer"));
        Assert.Equal(["Rejected Meanwhile"], CardNames(after, "rejected"));
        Assert.Null(after.QuerySelector($"#card-{stale.Application} input"));
    }

    [Fact]
    public async Task ColumnForm_RefusesAnotherJobsApplication_AndMovesOnlyThisBoardsCards()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (otherJob, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var own = await CandidateWithApplicationAsync(api, "On This Board", jobId);
        var foreign = await CandidateWithApplicationAsync(api, "On Another Board", otherJob);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/jobs/{jobId}/pipeline";
        var board = await Forms.GetPageAsync(browser, path);

        var moved = await Column(board, AppliedForm).Add("applicationId", own.Application.ToString()).Add("applicationId", foreign.Application.ToString())
            .Set("stage", "offer").PostAsync(browser, Action(board, AppliedForm));
        var after = await FollowAsync(browser, moved);
        var untouched = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{foreign.Application}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.StartsWith("Moved 1. 1 not moved:", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["On This Board"], CardNames(after, "offer"));
        Assert.Equal("applied", untouched.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Board_OffersNoCheckboxOnHiredRejectedOrWithdrawnCards()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var hired = await CandidateWithApplicationAsync(api, "Now Hired", jobId);
        var rejected = await CandidateWithApplicationAsync(api, "Now Rejected", jobId);
        (await api.PostAsJsonAsync($"/api/v1/applications/{hired.Application}/move", new { stage = "hired" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/applications/{rejected.Application}/reject", new { reasonCode = "skills_gap" })).EnsureSuccessStatusCode();
        var browser = await App.SignedInBrowserAsync(admin);

        var board = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/pipeline");

        Assert.Equal(["Now Hired"], CardNames(board, "hired"));
        Assert.Equal(["Now Rejected"], CardNames(board, "rejected"));
        Assert.Empty(board.QuerySelectorAll("input[name=applicationId]"));
        Assert.Null(board.QuerySelector(".board-column.stage-hired form"));
        Assert.Null(board.QuerySelector(".board-column.stage-rejected form"));
        Assert.NotNull(board.QuerySelector(".board-column.stage-hired.droppable"));
        Assert.Null(board.QuerySelector(".board-column.stage-rejected.droppable"));
    }

    [Fact]
    public async Task Board_WithTwentyCardsInAColumn_SpendsFewBytesPerCard()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, 60, jobId, "Sized");
        var browser = await App.SignedInBrowserAsync(admin);

        var html = await browser.GetStringAsync(new Uri($"/jobs/{jobId}/pipeline", UriKind.Relative));
        var applied = AppliedColumn().Match(html).Value;
        var cards = CardStart().Count(applied);
        var perCard = Encoding.UTF8.GetByteCount(applied) / cards;

        output.WriteLine($"Board page: {Encoding.UTF8.GetByteCount(html)} bytes; Applied column: {Encoding.UTF8.GetByteCount(applied)} bytes for {cards} cards, {perCard} bytes per card");
        Assert.Equal(20, cards);

        // The column's markup (its form, token and stage list included) divided by its cards.
        // With a form, token and stage list on every card it was about 2,400 bytes per card.
        Assert.InRange(perCard, 1, 600);
    }

    private static FormState Column(IHtmlDocument page, string selector) => FormState.Of(Form(page, selector));

    private static string Action(IHtmlDocument page, string selector) => Form(page, selector).GetAttribute("action")!;

    private static List<string> CardNames(IHtmlDocument page, string stage) =>
        page.QuerySelectorAll($".board-column.stage-{stage} .board-card a.card-name").Select(a => a.TextContent).ToList();

    [GeneratedRegex("<section class=\"board-column stage-applied.*?</section>", RegexOptions.Singleline)]
    private static partial Regex AppliedColumn();

    [GeneratedRegex("<li class=\"board-card\"")]
    private static partial Regex CardStart();
}
