using System.Net;
using System.Text;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Api;

/// <summary>Bad input gets a clear 4xx problem with a code; never a 500, never a stack trace.</summary>
public sealed class ProblemDetailsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Theory]
    [InlineData("{\"name\": ", "request.invalid_json")]
    [InlineData("not json at all", "request.invalid_json")]
    [InlineData("{\"name\": \"x\", \"expiresInDays\": \"soon\"}", "request.invalid_json")]
    [InlineData("{\"name\": 42}", "request.invalid_json")]
    [InlineData("[1, 2, 3]", "request.invalid_json")]
    [InlineData("{\"name\": \"\"}", "request.invalid")]
    [InlineData("{\"expiresInDays\": 30}", "request.invalid")]
    [InlineData("{\"name\": \"x\", \"expiresInDays\": 0}", "request.invalid")]
    [InlineData("{\"name\": \"x\", \"expiresInDays\": 5000}", "request.invalid")]
    public async Task MalformedOrInvalidBodies_Answer400WithACode(string body, string code)
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        var response = await api.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ApiTokenAuthTests.Problem(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationProblems_NameTheFieldsAtFault()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        var response = await api.PostAsync(new Uri("/api/v1/invitations", UriKind.Relative), new StringContent("{\"email\": \"nope\"}", Encoding.UTF8, "application/json"));
        var errors = (await ApiTokenAuthTests.Problem(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task UnknownEnumValue_Answers400()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));

        var response = await api.PutAsync(new Uri($"/api/v1/members/{admin.UserId}/role", UriKind.Relative), new StringContent("{\"role\": \"overlord\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.invalid_json", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongContentType_Answers415Problem()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        var response = await api.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("request.unsupported_media_type", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownApiRoutesAndMalformedIds_Answer404Problems()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        foreach (var path in new[] { "/api/v1/nothing-here", "/api/v1/members/not-a-guid" })
        {
            var response = await api.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("resource.not_found", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task DomainConflicts_Answer409WithTheirOwnCode()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));

        var response = await api.PutAsync(new Uri($"/api/v1/members/{admin.UserId}/role", UriKind.Relative), new StringContent("{\"role\": \"recruiter\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("member.last_admin", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
        Assert.Equal(Role.Admin, (await App.Get<IAccountStore>().FindMemberAsync(admin.OrganizationId, admin.UserId, CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task UnknownPages_ShowAFriendlyPageNotAStackTrace()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync());

        var response = await browser.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }
}
