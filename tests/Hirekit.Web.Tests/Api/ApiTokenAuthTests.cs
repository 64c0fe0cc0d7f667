using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Api;

public sealed class ApiTokenAuthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Me_WithAValidToken_ReturnsTheUserOrganizationAndRole()
    {
        var member = await App.NewOrganizationAsync(Role.HiringManager, name: $"Initech {Guid.NewGuid():N}");

        using var json = JsonDocument.Parse(await App.Api(await App.TokenForAsync(member)).GetStringAsync(new Uri("/api/v1/me", UriKind.Relative)));

        Assert.Equal(member.Email, json.RootElement.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(member.UserId, json.RootElement.GetProperty("user").GetProperty("id").GetGuid());
        Assert.Equal(member.OrganizationId, json.RootElement.GetProperty("organization").GetProperty("id").GetGuid());
        Assert.StartsWith("Initech", json.RootElement.GetProperty("organization").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("hiring_manager", json.RootElement.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer hk_notarealtoken")]
    [InlineData("Bearer not-even-prefixed")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Me_WithoutAValidToken_Answers401Problem(string? authorization)
    {
        var client = App.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("auth.unauthenticated", (await Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task RevokedToken_StopsWorkingAtOnce()
    {
        var member = await App.NewOrganizationAsync();
        var token = await App.TokenForAsync(member);
        var api = App.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var id = (await App.Get<ListApiTokens>().HandleAsync(member.Actor, CancellationToken.None)).Single().Id;

        var revoke = await api.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Answers401()
    {
        var member = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(member, expiresInDays: 1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TokenOfADeactivatedMember_Answers401()
    {
        var admin = await App.NewOrganizationAsync();
        var recruiter = await App.AddMemberAsync(admin.OrganizationId, Role.Recruiter);
        var recruiterApi = App.Api(await App.TokenForAsync(recruiter));

        await App.Api(await App.TokenForAsync(admin)).PostAsync(new Uri($"/api/v1/members/{recruiter.UserId}/deactivate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await recruiterApi.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SessionCookies_DoNotAuthenticateTheApi()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync());

        var response = await browser.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateToken_ReturnsTheSecretOnce_AndStoresOnlyItsHash()
    {
        var member = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(member));

        var created = await api.PostAsJsonAsync("/api/v1/tokens", new { name = "ci sync", expiresInDays = 30 });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("token").GetString()!;
        var list = await api.GetStringAsync(new Uri("/api/v1/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("hk_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("\"ci sync\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.Api(secret).GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var stored = await App.Get<IApiTokenStore>().FindByHashAsync(Hirekit.Core.Security.SecretToken.Hash(secret), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(App.Clock.GetUtcNow(), stored.LastUsedAt);
    }

    [Fact]
    public async Task Me_RunsAFixedNumberOfQueries()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative)); // first use records last-used

        var response = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(3, QueryCounts.Queries(response)); // token, member, organisation
    }

    internal static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
