using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.Accounts;

/// <summary>
/// An admin's invitation for someone to join the organisation with a role. The link carries a
/// random token (hash stored), works once, and expires after <see cref="SecurityPolicy.InvitationLifetime"/>.
/// </summary>
public sealed record Invitation(
    Guid Id,
    Guid OrganizationId,
    string Email,
    Role Role,
    string TokenHash,
    Guid InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

public sealed record PendingInvitation(Invitation Invitation, string OrganizationName, bool UserExists);

public interface IInvitationStore
{
    /// <summary>Stores the invitation and revokes earlier pending ones for the same e-mail and organisation.</summary>
    Task CreateAsync(Invitation invitation, AuditEntry audit, CancellationToken ct);

    Task<IReadOnlyList<Invitation>> ListPendingAsync(Guid organizationId, DateTimeOffset now, CancellationToken ct);

    Task<PendingInvitation?> FindPendingAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Consumes the invitation and creates the user (when <paramref name="newUser"/> is given) and
    /// the membership, in one transaction. False when the invitation was used, revoked or expired
    /// meanwhile, or the membership exists.
    /// </summary>
    Task<bool> AcceptAsync(Guid invitationId, User? newUser, Membership membership, AuditEntry audit, DateTimeOffset now, CancellationToken ct);

    Task<bool> RevokeAsync(Guid organizationId, Guid invitationId, DateTimeOffset now, AuditEntry audit, CancellationToken ct);
}

public sealed class InviteMember(IAccountStore accounts, IInvitationStore invitations, TimeProvider time)
{
    public sealed record Request(string Email, Role Role);

    /// <summary><see cref="Token"/> goes into the link and is never stored.</summary>
    public sealed record Response(Guid InvitationId, string Email, string Token, DateTimeOffset ExpiresAt);

    public async Task<Result<Response>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("member.forbidden", "Only admins can invite members.");
        }

        if (!Emails.LooksValid(request.Email))
        {
            return Error.Validation("email", "Enter a valid e-mail address.");
        }

        var email = Emails.Normalize(request.Email);
        if (await accounts.FindUserByEmailAsync(email, ct) is { } existing && await accounts.FindMemberAsync(actor.OrganizationId, existing.Id, ct) is not null)
        {
            return Error.Conflict("member.exists", "That person is already a member of this organisation.");
        }

        var now = time.GetUtcNow();
        var token = SecretToken.Create();
        var invitation = new Invitation(Ids.New(), actor.OrganizationId, email, request.Role, SecretToken.Hash(token), actor.UserId, now, now + SecurityPolicy.InvitationLifetime);
        await invitations.CreateAsync(invitation, AuditEntry.For(actor, "invitation.created", "invitation", invitation.Id, now, $"role {request.Role.Code()}"), ct);
        return new Response(invitation.Id, email, token, invitation.ExpiresAt);
    }
}

public sealed class RevokeInvitation(IInvitationStore invitations, TimeProvider time)
{
    public async Task<Result<Unit>> HandleAsync(Actor actor, Guid invitationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("member.forbidden", "Only admins can revoke invitations.");
        }

        var now = time.GetUtcNow();
        return await invitations.RevokeAsync(actor.OrganizationId, invitationId, now, AuditEntry.For(actor, "invitation.revoked", "invitation", invitationId, now), ct)
            ? Unit.Value
            : Error.NotFound("invitation.not_found", "No pending invitation with that id.");
    }
}

/// <summary>
/// Accepts an invitation. A new person chooses a name and password; someone who already has an
/// account (in another organisation) proves it with their existing password.
/// </summary>
public sealed class AcceptInvitation(IAccountStore accounts, IInvitationStore invitations, TimeProvider time)
{
    public sealed record Request(string Token, string? DisplayName, string Password);

    public sealed record Response(Guid UserId, Guid OrganizationId, string Email);

    public static readonly Error Invalid = Error.NotFound("invitation.invalid", "This invitation link is not valid any more. Ask an admin for a new one.");

    public async Task<PendingInvitation?> FindAsync(string token, CancellationToken ct) =>
        SecretToken.HashPresented(token) is { } hash ? await invitations.FindPendingAsync(hash, time.GetUtcNow(), ct) : null;

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = await FindAsync(request.Token, ct);
        if (pending is null)
        {
            return Invalid;
        }

        var invitation = pending.Invitation;
        var now = time.GetUtcNow();
        var existing = await accounts.FindUserByEmailAsync(invitation.Email, ct);
        User? newUser = null;
        Guid userId;
        if (existing is not null)
        {
            if (PasswordHasher.Verify(request.Password ?? "", existing.PasswordHash) == PasswordCheck.Failed)
            {
                return Error.Validation("password", "Enter the password of your existing Hirekit account.");
            }

            userId = existing.Id;
        }
        else
        {
            var name = request.DisplayName?.Trim() ?? "";
            if (name.Length is 0 or > CreateUser.MaxNameLength)
            {
                return Error.Validation("displayName", $"Enter your name (1 to {CreateUser.MaxNameLength} characters).");
            }

            if (PasswordHasher.Weakness(request.Password) is { } weakness)
            {
                return Error.Validation("password", weakness);
            }

            newUser = new User(Ids.New(), invitation.Email, name, PasswordHasher.Hash(request.Password!), 0, null, now);
            userId = newUser.Id;
        }

        var membership = new Membership(invitation.OrganizationId, userId, invitation.Role, true, now);
        var audit = AuditEntry.System(invitation.OrganizationId, userId, "invitation.accepted", "invitation", invitation.Id, now, $"role {invitation.Role.Code()}");
        return await invitations.AcceptAsync(invitation.Id, newUser, membership, audit, now, ct)
            ? new Response(userId, invitation.OrganizationId, invitation.Email)
            : Invalid;
    }
}
