using System.Security.Claims;
using Hirekit.Core.Audit;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Audit;

public static class AuditApi
{
    public sealed record AuditEventView(Guid Id, DateTimeOffset OccurredAt, Guid? ActorUserId, string? ActorName, string Action, string EntityType, string EntityId, string? Detail);

    /// <param name="Next">Pass as <c>before</c> to read the next (older) page; null on the last page.</param>
    public sealed record AuditPage(IReadOnlyList<AuditEventView> Items, Guid? Next);

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/audit", "Audit", Policies.Admin);
        group.MapGet("", ListAudit).WithName("ListAuditEvents").WithSummary("The organisation's audit log, newest first (admins).");
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAudit(ClaimsPrincipal principal, ListAuditEvents useCase, Guid? before, int? pageSize, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new ListAuditEvents.Request(before, pageSize), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var items = result.Value.Items.Select(e => new AuditEventView(e.Id, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Detail)).ToList();
        return TypedResults.Ok(new AuditPage(items, result.Value.Next));
    }
}
