using Hirekit.Core.Common;

namespace Hirekit.Core.Audit;

/// <summary>
/// One fact for the append-only audit log: who did what to which entity, and when. Stores write it
/// in the same transaction as the change it describes, so the log never disagrees with the data.
/// <see cref="Detail"/> is a short description without personal data (no names, e-mails or notes).
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    Guid OrganizationId,
    Guid? ActorUserId,
    string Action,
    string EntityType,
    string EntityId,
    DateTimeOffset OccurredAt,
    string? Detail = null)
{
    public static AuditEntry For(Actor actor, string action, string entityType, Guid entityId, DateTimeOffset at, string? detail = null) =>
        new(Ids.New(), actor.OrganizationId, actor.UserId, action, entityType, entityId.ToString(), at, detail);

    public static AuditEntry System(Guid organizationId, Guid? actorUserId, string action, string entityType, Guid entityId, DateTimeOffset at, string? detail = null) =>
        new(Ids.New(), organizationId, actorUserId, action, entityType, entityId.ToString(), at, detail);
}

/// <summary>An audit entry as admins read it, with the actor's display name resolved.</summary>
public sealed record AuditEvent(
    Guid Id,
    Guid? ActorUserId,
    string? ActorName,
    string Action,
    string EntityType,
    string EntityId,
    DateTimeOffset OccurredAt,
    string? Detail);

public interface IAuditStore
{
    /// <summary>Appends events that accompany no other write (a lockout), in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    /// <summary>Newest first; <paramref name="before"/> is the id of the last event of the previous page.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAsync(Guid organizationId, Guid? before, int limit, CancellationToken ct);
}
