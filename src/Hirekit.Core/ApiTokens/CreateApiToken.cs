using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.ApiTokens;

/// <summary>Creates a personal API token for the acting member. The plain token is in the response only.</summary>
public sealed class CreateApiToken(IApiTokenStore store, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;

    /// <param name="ExpiresInDays">Null for a token that lives until revoked.</param>
    public sealed record Request(string Name, int? ExpiresInDays);

    public sealed record Response(Guid Id, string Name, string Token, string DisplayPrefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    public async Task<Result<Response>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            return Error.Validation("name", $"Give the token a name of 1 to {MaxNameLength} characters.");
        }

        if (request.ExpiresInDays is < 1 or > MaxLifetimeDays)
        {
            return Error.Validation("expiresInDays", $"Expiry must be between 1 and {MaxLifetimeDays} days, or none.");
        }

        var now = time.GetUtcNow();
        var plain = SecretToken.Create(SecurityPolicy.ApiTokenPrefix);
        var token = new ApiToken(
            Ids.New(),
            actor.OrganizationId,
            actor.UserId,
            name,
            SecretToken.Hash(plain),
            plain[..(SecurityPolicy.ApiTokenPrefix.Length + 6)],
            now,
            request.ExpiresInDays is { } days ? now.AddDays(days) : null,
            null,
            null);
        await store.CreateAsync(token, AuditEntry.For(actor, "api_token.created", "api_token", token.Id, now), ct);
        return new Response(token.Id, token.Name, plain, token.DisplayPrefix, token.CreatedAt, token.ExpiresAt);
    }
}

/// <summary>Revokes one of the acting member's own tokens; it stops working at once.</summary>
public sealed class RevokeApiToken(IApiTokenStore store, TimeProvider time)
{
    public async Task<Result<Unit>> HandleAsync(Actor actor, Guid tokenId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var revoked = await store.RevokeAsync(actor.OrganizationId, actor.UserId, tokenId, now, AuditEntry.For(actor, "api_token.revoked", "api_token", tokenId, now), ct);
        return revoked ? Unit.Value : Error.NotFound("api_token.not_found", "No active token with that id.");
    }
}

public sealed class ListApiTokens(IApiTokenStore store)
{
    public Task<IReadOnlyList<ApiToken>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ListAsync(actor.OrganizationId, actor.UserId, ct);
    }
}

/// <summary>Resolves a bearer token to an <see cref="Actor"/>: unknown, revoked, expired or deactivated gives null.</summary>
public sealed class AuthenticateApiToken(IApiTokenStore store, TimeProvider time)
{
    public async Task<Actor?> HandleAsync(string token, CancellationToken ct)
    {
        if (SecretToken.HashPresented(token) is not { } hash || !token.StartsWith(SecurityPolicy.ApiTokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var record = await store.FindByHashAsync(hash, ct);
        var now = time.GetUtcNow();
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now || !record.MemberActive)
        {
            return null;
        }

        // The store applies the same test again, so only one of the token's concurrent requests writes.
        var staleBefore = now - SecurityPolicy.TokenTouchInterval;
        if (record.LastUsedAt is null || record.LastUsedAt <= staleBefore)
        {
            await store.TouchAsync(record.Id, now, staleBefore, ct);
        }

        return new Actor(record.UserId, record.OrganizationId, record.Role, record.DisplayName);
    }
}
