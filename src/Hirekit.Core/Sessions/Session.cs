using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.Sessions;

/// <summary>A signed-in browser. The cookie carries a random token; only its hash is stored.</summary>
public sealed record Session(
    Guid Id,
    string TokenHash,
    Guid UserId,
    Guid OrganizationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt);

/// <summary>A stored session joined with the member it belongs to, as authentication needs it.</summary>
public sealed record SessionRecord(
    Guid Id,
    Guid UserId,
    Guid OrganizationId,
    Role Role,
    string DisplayName,
    bool MemberActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt);

public interface ISessionStore
{
    Task CreateAsync(Session session, AuditEntry audit, CancellationToken ct);

    Task<SessionRecord?> FindByTokenHashAsync(string tokenHash, CancellationToken ct);

    /// <summary>
    /// Moves the session's last-seen time to <paramref name="lastSeenAt"/>, but only while it is
    /// still at or before <paramref name="staleBefore"/>. Every request of a busy session that
    /// arrives once the touch interval has passed sees the same stale time; the condition lets
    /// the first of them write and turns the others into no-ops (false), instead of each one
    /// queueing on the row's lock and committing its own write.
    /// </summary>
    Task<bool> TouchAsync(Guid sessionId, DateTimeOffset lastSeenAt, DateTimeOffset staleBefore, CancellationToken ct);

    Task DeleteAsync(Guid sessionId, CancellationToken ct);

    Task DeleteAsync(Guid sessionId, AuditEntry audit, CancellationToken ct);

    /// <summary>Removes sessions past their absolute expiry or idle for longer than the idle timeout.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, DateTimeOffset idleCutoff, CancellationToken ct);
}

/// <summary>
/// Resolves a session cookie to an <see cref="Actor"/>, enforcing the idle and absolute
/// lifetimes of <see cref="SecurityPolicy"/> and the member still being active. Expired sessions
/// are deleted on sight.
/// </summary>
public sealed class AuthenticateSession(ISessionStore store, TimeProvider time)
{
    public sealed record Response(Actor Actor, Guid SessionId);

    public async Task<Response?> HandleAsync(string token, CancellationToken ct)
    {
        if (SecretToken.HashPresented(token) is not { } hash)
        {
            return null;
        }

        var session = await store.FindByTokenHashAsync(hash, ct);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var idle = now - session.LastSeenAt;
        if (now >= session.ExpiresAt || idle >= SecurityPolicy.SessionIdleTimeout || !session.MemberActive)
        {
            await store.DeleteAsync(session.Id, ct);
            return null;
        }

        // The store applies the same test again, so only one of the session's concurrent requests writes.
        var staleBefore = now - SecurityPolicy.SessionTouchInterval;
        if (session.LastSeenAt <= staleBefore)
        {
            await store.TouchAsync(session.Id, now, staleBefore, ct);
        }

        return new Response(new Actor(session.UserId, session.OrganizationId, session.Role, session.DisplayName), session.Id);
    }
}
