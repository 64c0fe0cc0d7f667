using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Settings;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Settings;

/// <summary>The organisation's settings: every member reads them (pages need the time zone), admins change them.</summary>
public static class SettingsApi
{
    public sealed record SettingsView(string TimeZone, string ScorecardVisibility);

    public sealed record UpdateRequest([property: StringLength(64)] string? TimeZone, [property: StringLength(20)] string? ScorecardVisibility);

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/settings", "Settings").MapGet("", Get).WithName("GetSettings");
        app.MapApiGroup("/settings", "Settings", Policies.Admin).MapPut("", Update).WithName("UpdateSettings");
        return app;
    }

    public static async Task<Ok<SettingsView>> Get(ClaimsPrincipal principal, GetOrganizationSettings useCase, CancellationToken ct)
    {
        var settings = await useCase.HandleAsync(principal.ToActor(), ct);
        return TypedResults.Ok(new SettingsView(settings.TimeZone, settings.ScorecardVisibility));
    }

    public static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> Update(UpdateRequest request, ClaimsPrincipal principal, UpdateOrganizationSettings useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new UpdateOrganizationSettings.Request(request.TimeZone, request.ScorecardVisibility), ct);
        return result.IsSuccess ? TypedResults.Ok(new SettingsView(result.Value.TimeZone, result.Value.ScorecardVisibility)) : result.Error!.ToProblem();
    }
}
