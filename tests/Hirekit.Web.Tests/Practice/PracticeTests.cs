using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Practice;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Practice;

/// <summary>Practice mode over HTTP, always without signing in (ADR 0017).</summary>
public sealed class PracticeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Question = "arch-api-idempotent-create";

    private const string StrongAnswer =
        "The app generates a UUID per purchase and sends it as an Idempotency-Key header, reusing the same key on every retry. " +
        "The server keeps the key under a unique constraint with the stored response, so a retry gets the same response back.";

    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Feedback_WithoutSigningIn_NamesMatchedIndicatorsWithOffsets_AndTheRest()
    {
        var response = await App.CreateClient().PostAsJsonAsync($"/api/v1/practice/{Question}/feedback", new { answer = StrongAnswer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(Question, root.GetProperty("questionId").GetString());
        var matched = root.GetProperty("matched").EnumerateArray().ToList();
        Assert.Equal(["p1", "p2"], matched.Select(m => m.GetProperty("id").GetString()));
        foreach (var passage in matched.SelectMany(m => m.GetProperty("evidence").EnumerateArray()))
        {
            var start = passage.GetProperty("start").GetInt32();
            var length = passage.GetProperty("length").GetInt32();
            Assert.Equal(passage.GetProperty("text").GetString(), StrongAnswer.Substring(start, length));
            Assert.False(string.IsNullOrEmpty(passage.GetProperty("cue").GetString()));
        }

        Assert.Contains("Idempotency-Key", matched[0].GetProperty("evidence").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        Assert.Equal(4, root.GetProperty("missing").GetArrayLength());
        Assert.Equal(0, root.GetProperty("pitfalls").GetArrayLength());
        Assert.True(root.GetProperty("followUps").GetArrayLength() >= 2);
        Assert.Contains("HTTP semantics", root.GetProperty("modelAnswer").GetString(), StringComparison.Ordinal);
        Assert.Contains("never used to assess", root.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ReportsPitfallsWhoseCuesAppear()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/practice/tech-slow-query/feedback", new { answer = "I would just cache the result." });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pitfall = Assert.Single(json.RootElement.GetProperty("pitfalls").EnumerateArray());
        Assert.Equal("f1", pitfall.GetProperty("id").GetString());
        Assert.Equal("just cache", pitfall.GetProperty("evidence")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{\"answer\":\"\"}")]
    [InlineData("{\"answer\":\"   \\n\\t  \"}")]
    [InlineData("{\"answer\":null}")]
    [InlineData("{}")]
    public async Task Feedback_OnAnEmptyAnswer_Is400Problem(string body)
    {
        var response = await App.CreateClient().PostAsync(new Uri($"/api/v1/practice/{Question}/feedback", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task Feedback_OnAnAnswerOverTheLimit_Is400Problem_AndAtTheLimitIsAnswered()
    {
        var client = App.CreateClient();

        var over = await client.PostAsJsonAsync($"/api/v1/practice/{Question}/feedback", new { answer = new string('x', GivePracticeFeedback.MaxAnswerLength + 1) });
        var at = await client.PostAsJsonAsync($"/api/v1/practice/{Question}/feedback", new { answer = new string('x', GivePracticeFeedback.MaxAnswerLength) });

        var problem = await AssertProblemAsync(over, HttpStatusCode.BadRequest, "request.invalid");
        Assert.Contains("10,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, at.StatusCode);
    }

    [Theory]
    [InlineData("no-such-question")]
    [InlineData("screen-db-performance-diagnosis")]
    public async Task Feedback_OnAQuestionNotOfferedForPractice_Is404Problem(string questionId)
    {
        var response = await App.CreateClient().PostAsJsonAsync($"/api/v1/practice/{questionId}/feedback", new { answer = "Some answer." });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "practice.question_not_found");
    }

    [Fact]
    public async Task Feedback_NeverLogsTheAnswer()
    {
        var marker = $"unique-marker-{Guid.NewGuid():N}";

        await App.CreateClient().PostAsJsonAsync($"/api/v1/practice/{Question}/feedback", new { answer = $"My answer mentions {marker} and an idempotency key." });
        await App.Browser().GetAsync(new Uri("/practice", UriKind.Relative));
        var browser = App.Browser();
        var page = await Forms.GetPageAsync(browser, $"/practice/{Question}");
        await Forms.SubmitAsync(browser, page, $"/practice/{Question}", new() { ["Answer"] = marker });

        Assert.DoesNotContain(App.Logs.Entries, e => e.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuestionList_NeedsNoSignIn_GroupsQuestions_AndFilters()
    {
        var browser = App.Browser();

        var all = await Forms.GetPageAsync(browser, "/practice");
        var filtered = await Forms.GetPageAsync(browser, "/practice?q=duplicate+orders&kind=competency");
        var none = await Forms.GetPageAsync(browser, "/practice?q=zzzz-nothing");

        Assert.Contains("never used to assess anyone", all.QuerySelector(".practice-notice")!.TextContent, StringComparison.Ordinal);
        Assert.True(all.QuerySelectorAll(".practice-group h2").Length >= 10);
        Assert.Contains(all.QuerySelectorAll(".practice-list a"), a => a.GetAttribute("href") == $"/practice/{Question}");
        Assert.DoesNotContain(all.QuerySelectorAll(".practice-list a"), a => a.GetAttribute("href")!.Contains("screen-", StringComparison.Ordinal));
        Assert.Contains(filtered.QuerySelectorAll(".practice-list a"), a => a.GetAttribute("href") == $"/practice/{Question}");
        Assert.True(filtered.QuerySelectorAll(".practice-list a").Length < all.QuerySelectorAll(".practice-list a").Length);
        Assert.Empty(none.QuerySelectorAll(".practice-list a"));
        Assert.NotNull(all.QuerySelector("main h1"));
        Assert.NotNull(all.QuerySelector("label[for=q]"));
    }

    [Fact]
    public async Task QuestionPage_PostedAnswer_RendersMarkedEvidence_TheRestOfTheFeedback_AndTheDisclaimer()
    {
        var browser = App.Browser();
        var page = await Forms.GetPageAsync(browser, $"/practice/{Question}");

        var response = await Forms.SubmitAsync(browser, page, $"/practice/{Question}", new() { ["Answer"] = StrongAnswer + " <script>alert(1)</script>" });
        var result = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("label[for=Answer]"));
        Assert.Null(page.QuerySelector(".practice-feedback"));
        Assert.Contains("not stored", result.QuerySelector(".practice-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("never used to assess anyone", result.QuerySelector(".practice-notice")!.TextContent, StringComparison.Ordinal);
        var marks = result.QuerySelectorAll(".practice-answer mark").Select(m => m.TextContent).ToList();
        Assert.Contains("Idempotency-Key", marks);
        Assert.Contains("unique constraint", marks);
        Assert.Equal(StrongAnswer + " <script>alert(1)</script>", result.QuerySelector(".practice-answer")!.TextContent.Replace("[1]", "", StringComparison.Ordinal).Replace("[2]", "", StringComparison.Ordinal));
        Assert.Empty(result.QuerySelectorAll(".practice-answer script"));
        Assert.Equal(["1", "2"], result.QuerySelectorAll(".practice-indicators.matched > li").Select(li => li.GetAttribute("value")));
        Assert.Equal(4, result.QuerySelectorAll(".practice-indicators.missing > li").Length);
        Assert.NotEmpty(result.QuerySelectorAll(".practice-indicators.matched .practice-evidence mark"));
        Assert.True(result.QuerySelectorAll(".practice-follow-ups li").Length >= 2);
        Assert.Contains("HTTP semantics", result.QuerySelector(".practice-model-answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StrongAnswer + " <script>alert(1)</script>", result.QuerySelector("textarea#Answer")!.TextContent);
    }

    [Fact]
    public async Task QuestionPage_EmptyAnswer_ShowsAFormError_AndUnknownQuestionIs404()
    {
        var browser = App.Browser();
        var page = await Forms.GetPageAsync(browser, $"/practice/{Question}");

        var result = await Forms.ParseAsync(await Forms.SubmitAsync(browser, page, $"/practice/{Question}", new() { ["Answer"] = "  " }));
        var unknown = await browser.GetAsync(new Uri("/practice/no-such-question", UriKind.Relative));

        Assert.Contains("Write an answer first.", result.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector(".practice-feedback"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        return json.RootElement.Clone();
    }
}
