using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Practice;

public sealed class PracticeRateLimitTests(PracticeRateLimitTests.Fixture fixture) : IClassFixture<PracticeRateLimitTests.Fixture>
{
    [Fact]
    public async Task Feedback_BeyondThePerAddressLimit_Is429Problem_SharedByTheApiAndThePage_ButReadingIsNotLimited()
    {
        var client = fixture.App.CreateClient();
        var browser = fixture.App.Browser();
        var page = await Forms.GetPageAsync(browser, "/practice/tech-slow-query");

        var first = await client.PostAsJsonAsync("/api/v1/practice/tech-slow-query/feedback", new { answer = "explain analyze" });
        var second = await Forms.SubmitAsync(browser, page, "/practice/tech-slow-query", new() { ["Answer"] = "explain analyze" });
        var third = await client.PostAsJsonAsync("/api/v1/practice/tech-slow-query/feedback", new { answer = "explain analyze" });
        var pageAfter = await Forms.SubmitAsync(browser, page, "/practice/tech-slow-query", new() { ["Answer"] = "explain analyze" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageAfter.StatusCode);
        using var json = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal("rate_limited", json.RootElement.GetProperty("code").GetString());
        Assert.InRange(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/practice/tech-slow-query", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/practice", UriKind.Relative))).StatusCode);
    }

    public sealed class Fixture : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hirekit:Security:PracticeFeedbackPerMinutePerIp"] = "2" };
    }
}
