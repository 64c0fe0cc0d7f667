using Hirekit.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hirekit.Web.Tests.Conventions;

public sealed class EndpointConventionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private IReadOnlyList<RouteEndpoint> Endpoints =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void EveryEndpoint_DeclaresAnAuthorizationPolicyOrIsExplicitlyAnonymous()
    {
        var undeclared = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(Endpoints);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void EveryApiEndpoint_HasAName()
    {
        var unnamed = Endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("api/v1", StringComparison.Ordinal) == true || e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void AnonymousEndpoints_AreOnlyTheOnesMeantForVisitors()
    {
        // r/, o/ and s/ are the candidate's feedback report, the new hire's plan and the written screen, behind secret links.
        string[] allowed = ["healthz", "readyz", "openapi", "signin", "setup", "invitation", "error", "status", "careers", "practice", "api/v1/practice", "r/", "o/", "s/{token}"];

        var anonymous = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => !allowed.Any(a => route.StartsWith(a, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(anonymous);
    }
}
