using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Offers;

public static class OfferStatuses
{
    public const string Draft = "draft";
    public const string ApprovalPending = "approval_pending";
    public const string Approved = "approved";
    public const string Sent = "sent";
    public const string Accepted = "accepted";
    public const string Declined = "declined";

    public static readonly IReadOnlyList<string> All = [Draft, ApprovalPending, Approved, Sent, Accepted, Declined];

    /// <summary>Offers that are still in play; an application has at most one of them.</summary>
    public static readonly IReadOnlyList<string> Open = [Draft, ApprovalPending, Approved, Sent];
}

/// <summary>
/// The compensation band an offer was checked against: yearly base in the region's currency,
/// widened by the kit's specialist premium when the job's specialisation carries it. No band
/// (say, a level the kit publishes none for) means the offer is outside by definition.
/// </summary>
public sealed record BandCheck(int? Min, int? Max, bool PremiumApplied, bool Within, string Explanation);

public sealed record Offer(
    Guid Id,
    Guid OrganizationId,
    Guid ApplicationId,
    Guid JobId,
    Level Level,
    string Region,
    string Currency,
    int BaseSalary,
    decimal? EquityPercent,
    DateOnly StartDate,
    BandCheck Band,
    string Status,
    string? ApprovalReason,
    Guid? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string LetterMarkdown,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsOpen => OfferStatuses.Open.Contains(Status);
}

/// <summary>When a status change also moves the application (accepted: hired; declined: withdrawn).</summary>
public sealed record OfferMove(Application From, string ToStage, ApplicationEvent Event);

public interface IOfferStore
{
    /// <summary>Writes the offer and its audit entry; false when the application already has an open offer.</summary>
    Task<bool> CreateAsync(Offer offer, AuditEntry audit, CancellationToken ct);

    Task<Offer?> FindAsync(Guid organizationId, Guid offerId, CancellationToken ct);

    /// <summary>The application's offers, newest first.</summary>
    Task<IReadOnlyList<Offer>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>
    /// Replaces the offer's status (and approval) if it is still at <paramref name="expectedStatus"/>,
    /// moving the application too when <paramref name="move"/> says so and writing the hire's
    /// <paramref name="onboarding"/> plan with its mail, in one transaction; false when the offer or
    /// the application changed meanwhile (nothing written).
    /// </summary>
    Task<bool> ChangeStatusAsync(Offer updated, string expectedStatus, OfferMove? move, Onboarding.NewOnboarding? onboarding, AuditEntry audit, CancellationToken ct);
}
