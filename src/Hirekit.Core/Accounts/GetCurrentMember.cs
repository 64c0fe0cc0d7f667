using Hirekit.Core.Common;

namespace Hirekit.Core.Accounts;

/// <summary>The acting member with their organisation: who am I, where, and with which role.</summary>
public sealed class GetCurrentMember(IAccountStore store)
{
    public sealed record Response(Member Member, Organization Organization);

    public async Task<Result<Response>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var member = await store.FindMemberAsync(actor.OrganizationId, actor.UserId, ct);
        var organization = await store.FindOrganizationAsync(actor.OrganizationId, ct);
        return member is null || organization is null
            ? Error.NotFound("member.not_found", "Your membership no longer exists.")
            : new Response(member, organization);
    }
}
