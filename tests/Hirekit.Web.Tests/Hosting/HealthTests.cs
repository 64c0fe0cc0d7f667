using System.Net;
using System.Net.Http.Json;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Hosting;

public sealed class HealthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Healthz_AnswersOkWithoutSigningIn()
    {
        var response = await App.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_ReportsTheTestEngineWithEveryMigrationApplied()
    {
        var response = await App.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<Readiness>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Readiness("ready", TestEngine.IsPostgres ? "postgres" : "sqlite", 0), body);
        if (!TestEngine.IsPostgres)
        {
            Assert.True(File.Exists(Path.Combine(App.Database.Directory, "hirekit.db")));
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await App.CreateClient().GetAsync(new Uri("/signin", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiAndItsBearerScheme()
    {
        var json = await App.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/v1/me\"", json, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", json, StringComparison.Ordinal);
    }

    private sealed record Readiness(string Status, string Database, int PendingMigrations);
}
