using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.ApiTokens;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Tokens;

/// <summary>The caller's own personal API tokens.</summary>
public static class TokensApi
{
    public sealed record TokenView(Guid Id, string Name, string DisplayPrefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public sealed record CreateTokenRequest(
        [property: Required, StringLength(CreateApiToken.MaxNameLength, MinimumLength = 1)] string? Name,
        [property: Range(1, CreateApiToken.MaxLifetimeDays)] int? ExpiresInDays);

    /// <param name="Token">The secret, returned only in this response.</param>
    public sealed record CreatedToken(Guid Id, string Name, string Token, string DisplayPrefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/tokens", "Account");
        group.MapGet("", List).WithName("ListTokens");
        group.MapPost("", Create).WithName("CreateToken");
        group.MapDelete("/{tokenId:guid}", Revoke).WithName("RevokeToken");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TokenView>>> List(ClaimsPrincipal principal, ListApiTokens useCase, CancellationToken ct)
    {
        var tokens = await useCase.HandleAsync(principal.ToActor(), ct);
        return TypedResults.Ok<IReadOnlyList<TokenView>>(tokens.Select(t => new TokenView(t.Id, t.Name, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToList());
    }

    public static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> Create(CreateTokenRequest request, ClaimsPrincipal principal, CreateApiToken useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new CreateApiToken.Request(request.Name!, request.ExpiresInDays), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var t = result.Value;
        return TypedResults.Created($"{ApiRoutes.Prefix}/tokens/{t.Id}", new CreatedToken(t.Id, t.Name, t.Token, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid tokenId, ClaimsPrincipal principal, RevokeApiToken useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), tokenId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }
}
