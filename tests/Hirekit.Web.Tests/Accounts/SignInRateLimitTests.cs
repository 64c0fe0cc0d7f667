using System.Net;
using System.Text.Json;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Accounts;

public sealed class SignInRateLimitTests(SignInRateLimitTests.Fixture fixture) : IClassFixture<SignInRateLimitTests.Fixture>
{
    [Fact]
    public async Task SignIn_BeyondThePerAddressLimit_Answers429WithRetryAfter()
    {
        var browser = fixture.App.Browser();
        var page = await Forms.GetPageAsync(browser, "/signin");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await Forms.SubmitAsync(browser, page, "/signin", SignInTests.Credentials("someone@example.test", "wrong password")));
        }

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/signin", UriKind.Relative))).StatusCode); // reading the page is not limited
    }

    [Fact]
    public async Task RateLimitedApiStyleAnswer_IsAProblemWithACode()
    {
        var browser = fixture.App.Browser();
        var page = await Forms.GetPageAsync(browser, "/signin");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await Forms.SubmitAsync(browser, page, "/signin", SignInTests.Credentials("someone@example.test", "wrong password"));
        }

        using var json = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal("rate_limited", json.RootElement.GetProperty("code").GetString());
    }

    public sealed class Fixture : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hirekit:Security:SignInAttemptsPerMinutePerIp"] = "3" };
    }
}
