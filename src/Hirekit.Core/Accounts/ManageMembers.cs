using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Accounts;

public sealed class ListMembers(IAccountStore store)
{
    public async Task<Result<IReadOnlyList<Member>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("member.forbidden", "Only admins can manage members.");
        }

        return Result<IReadOnlyList<Member>>.Success(await store.ListMembersAsync(actor.OrganizationId, ct));
    }
}

public sealed class GetMember(IAccountStore store)
{
    public async Task<Result<Member>> HandleAsync(Actor actor, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin && actor.UserId != userId)
        {
            return Error.Forbidden("member.forbidden", "Only admins can read other members.");
        }

        var member = await store.FindMemberAsync(actor.OrganizationId, userId, ct);
        return member is null ? Error.NotFound("member.not_found", "No such member in this organisation.") : member;
    }
}

/// <summary>
/// Changes a member's role. An organisation always keeps at least one active admin, so the last
/// one cannot be demoted.
/// </summary>
public sealed class ChangeMemberRole(IAccountStore store, TimeProvider time)
{
    public sealed record Request(Guid UserId, Role Role);

    public async Task<Result<Member>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("member.forbidden", "Only admins can change roles.");
        }

        var member = await store.FindMemberAsync(actor.OrganizationId, request.UserId, ct);
        if (member is null)
        {
            return Error.NotFound("member.not_found", "No such member in this organisation.");
        }

        if (member.Role == request.Role)
        {
            return member;
        }

        if (member.Role == Role.Admin && member.IsActive && await store.CountActiveAdminsAsync(actor.OrganizationId, ct) <= 1)
        {
            return Error.Conflict("member.last_admin", "The organisation needs at least one active admin.");
        }

        var now = time.GetUtcNow();
        await store.ChangeRoleAsync(actor.OrganizationId, member.UserId, request.Role, AuditEntry.For(actor, "member.role_changed", "user", member.UserId, now, $"{member.Role.Code()} -> {request.Role.Code()}"), ct);
        return member with { Role = request.Role };
    }
}

/// <summary>Deactivates or reactivates a member. Deactivation ends their sessions at once.</summary>
public sealed class SetMemberActive(IAccountStore store, TimeProvider time)
{
    public sealed record Request(Guid UserId, bool Active);

    public async Task<Result<Member>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("member.forbidden", "Only admins can deactivate members.");
        }

        var member = await store.FindMemberAsync(actor.OrganizationId, request.UserId, ct);
        if (member is null)
        {
            return Error.NotFound("member.not_found", "No such member in this organisation.");
        }

        if (member.IsActive == request.Active)
        {
            return member;
        }

        if (!request.Active && member.UserId == actor.UserId)
        {
            return Error.Conflict("member.self_deactivation", "You cannot deactivate yourself.");
        }

        if (!request.Active && member.Role == Role.Admin && await store.CountActiveAdminsAsync(actor.OrganizationId, ct) <= 1)
        {
            return Error.Conflict("member.last_admin", "The organisation needs at least one active admin.");
        }

        var now = time.GetUtcNow();
        var action = request.Active ? "member.reactivated" : "member.deactivated";
        await store.SetMemberActiveAsync(actor.OrganizationId, member.UserId, request.Active, AuditEntry.For(actor, action, "user", member.UserId, now), ct);
        return member with { IsActive = request.Active };
    }
}
