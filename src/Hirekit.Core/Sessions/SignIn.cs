using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.Sessions;

/// <summary>
/// Signs a user in with e-mail and password and opens a server-side session. Five consecutive
/// failures lock the account for fifteen minutes. The error never says whether the e-mail exists.
/// </summary>
public sealed class SignIn(IAccountStore accounts, ISessionStore sessions, IAuditStore audit, TimeProvider time)
{
    public sealed record Request(string Email, string Password);

    /// <summary><see cref="Token"/> goes into the cookie and is never stored or logged.</summary>
    public sealed record Response(string Token, Guid SessionId, Guid UserId, Guid OrganizationId, DateTimeOffset ExpiresAt);

    public static readonly Error InvalidCredentials =
        new(ErrorKind.Unauthorized, "signin.invalid_credentials", "The e-mail or password is not correct.");

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password) || request.Password.Length > PasswordHasher.MaximumLength)
        {
            return InvalidCredentials;
        }

        var now = time.GetUtcNow();
        var user = await accounts.FindUserByEmailAsync(Emails.Normalize(request.Email), ct);
        if (user is null)
        {
            // Spend the same time as a real check so response timing does not reveal which e-mails exist.
            _ = PasswordHasher.Verify(request.Password, DummyHash.Value);
            return InvalidCredentials;
        }

        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return Locked(lockedUntil);
        }

        var check = PasswordHasher.Verify(request.Password, user.PasswordHash);
        if (check == PasswordCheck.Failed)
        {
            var lockedNow = await accounts.RecordSignInFailureAsync(user.Id, SecurityPolicy.MaxFailedSignIns, now + SecurityPolicy.Lockout, ct);
            if (lockedNow is not { } until)
            {
                return InvalidCredentials;
            }

            // Every organisation the person belongs to sees the lockout in its audit log.
            var orgs = await accounts.ListActiveMembershipsAsync(user.Id, ct);
            await audit.AppendAsync(orgs.Select(m => AuditEntry.System(m.OrganizationId, null, "user.locked_out", "user", user.Id, now)).ToList(), ct);
            return Locked(until);
        }

        var memberships = await accounts.ListActiveMembershipsAsync(user.Id, ct);
        if (memberships.Count == 0)
        {
            return new Error(ErrorKind.Forbidden, "signin.deactivated", "This account is not active in any organisation. Ask an admin to reactivate it.");
        }

        await accounts.RecordSignInSuccessAsync(user.Id, check == PasswordCheck.SucceededNeedsRehash ? PasswordHasher.Hash(request.Password) : null, ct);

        var membership = memberships[0];
        var token = SecretToken.Create();
        var session = new Session(Ids.New(), SecretToken.Hash(token), user.Id, membership.OrganizationId, now, now, now + SecurityPolicy.SessionAbsoluteLifetime);
        await sessions.CreateAsync(session, AuditEntry.System(membership.OrganizationId, user.Id, "session.signed_in", "session", session.Id, now), ct);
        return new Response(token, session.Id, user.Id, membership.OrganizationId, session.ExpiresAt);
    }

    private static Error Locked(DateTimeOffset until) =>
        new(ErrorKind.Unauthorized, "signin.locked_out", $"Too many failed attempts. Try again after {until:HH:mm} UTC.");

    private static class DummyHash
    {
        public static readonly string Value = PasswordHasher.Hash(SecretToken.Create());
    }
}

/// <summary>Ends a session on the server; the cookie alone is worthless afterwards.</summary>
public sealed class SignOut(ISessionStore sessions, TimeProvider time)
{
    public async Task HandleAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await sessions.DeleteAsync(sessionId, AuditEntry.For(actor, "session.signed_out", "session", sessionId, time.GetUtcNow()), ct);
    }
}
