using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Debriefs;

public static class DecisionOutcomes
{
    public const string Hire = "hire";
    public const string NoHire = "no_hire";

    public static readonly IReadOnlyList<string> All = [Hire, NoHire];
}

/// <summary>
/// The recorded decision on an application. <see cref="OverrideReason"/> is set when it was taken
/// while scorecards were still missing (<see cref="PendingScorecards"/> of them);
/// <see cref="AssessedLevel"/> is what the levelling rule said at that moment.
/// </summary>
public sealed record Decision(
    Guid Id,
    Guid OrganizationId,
    Guid ApplicationId,
    string Outcome,
    Level? Level,
    string Rationale,
    string? OverrideReason,
    int PendingScorecards,
    Level? AssessedLevel,
    Guid DecidedBy,
    string DecidedByName,
    DateTimeOffset DecidedAt);

public interface IDecisionStore
{
    /// <summary>
    /// Records the decision and moves the application (hire: to Offer; no hire: to Rejected) with
    /// its history event and the audit entry, in one transaction; false when the application moved
    /// meanwhile (nothing written).
    /// </summary>
    Task<bool> RecordAsync(Decision decision, Application from, string toStage, string? rejectReason, ApplicationEvent @event, AuditEntry audit, CancellationToken ct);

    /// <summary>The application's decisions, newest first.</summary>
    Task<IReadOnlyList<Decision>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);
}
