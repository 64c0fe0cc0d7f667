using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Core.Audit;

/// <summary>Reads the organisation's audit log, newest first, a keyset page at a time. Admins only.</summary>
public sealed class ListAuditEvents(IAuditStore store)
{
    public sealed record Request(Guid? Before, int? PageSize);

    public sealed record Response(IReadOnlyList<AuditEvent> Items, Guid? Next);

    public async Task<Result<Response>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (actor.Role != Role.Admin)
        {
            return Error.Forbidden("audit.forbidden", "Only admins can read the audit log.");
        }

        var (_, size) = Paging.Normalize(1, request.PageSize);
        var rows = await store.ListAsync(actor.OrganizationId, request.Before, size + 1, ct);
        var page = Paging.FromOverfetch(rows, 1, size);
        return new Response(page.Items, page.HasMore ? page.Items[^1].Id : null);
    }
}
