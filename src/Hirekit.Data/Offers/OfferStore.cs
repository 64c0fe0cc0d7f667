using System.Data.Common;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Core.Onboarding;
using Hirekit.Data.Applications;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Onboarding;

namespace Hirekit.Data.Offers;

public sealed class OfferStore(IDbConnectionFactory db) : IOfferStore
{
    private const string Columns = """
        o.id, o.organization_id, o.application_id, o.job_id, o.level, o.region, o.currency, o.base_salary, o.equity_percent_e4, o.start_date,
        o.band_min, o.band_max, o.premium_applied, o.within_band, o.band_explanation, o.status, o.approval_reason, o.approved_by, o.approved_at,
        o.letter_markdown, o.created_by, o.created_at, o.updated_at
        """;

    public async Task<bool> CreateAsync(Offer offer, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO offers (id, organization_id, application_id, job_id, level, region, currency, base_salary, equity_percent_e4, start_date,
                            band_min, band_max, premium_applied, within_band, band_explanation, status, approval_reason, approved_by, approved_at,
                            letter_markdown, created_by, created_at, updated_at)
                        VALUES (@Id, @OrganizationId, @ApplicationId, @JobId, @Level, @Region, @Currency, @BaseSalary, @EquityE4, @StartDate,
                            @BandMin, @BandMax, @PremiumApplied, @WithinBand, @BandExplanation, @Status, @ApprovalReason, @ApprovedBy, @ApprovedAt,
                            @LetterMarkdown, @CreatedBy, @CreatedAt, @UpdatedAt)
                        """,
                        new
                        {
                            offer.Id,
                            offer.OrganizationId,
                            offer.ApplicationId,
                            offer.JobId,
                            Level = (int)offer.Level,
                            offer.Region,
                            offer.Currency,
                            offer.BaseSalary,
                            EquityE4 = offer.EquityPercent is { } e ? (int?)Math.Round(e * 10_000m) : null,
                            offer.StartDate,
                            BandMin = offer.Band.Min,
                            BandMax = offer.Band.Max,
                            offer.Band.PremiumApplied,
                            WithinBand = offer.Band.Within,
                            BandExplanation = offer.Band.Explanation,
                            offer.Status,
                            offer.ApprovalReason,
                            offer.ApprovedBy,
                            offer.ApprovedAt,
                            offer.LetterMarkdown,
                            offer.CreatedBy,
                            offer.CreatedAt,
                            offer.UpdatedAt,
                        },
                        transaction,
                        cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<Offer?> FindAsync(Guid organizationId, Guid offerId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OfferRow>(new CommandDefinition(
            $"SELECT {Columns} FROM offers o WHERE o.organization_id = @OrganizationId AND o.id = @Id",
            new { OrganizationId = organizationId, Id = offerId },
            cancellationToken: ct));
        return row?.ToOffer();
    }

    public async Task<IReadOnlyList<Offer>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<OfferRow>(new CommandDefinition(
            $"SELECT {Columns} FROM offers o WHERE o.organization_id = @OrganizationId AND o.application_id = @ApplicationId ORDER BY o.created_at DESC, o.id DESC",
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return rows.Select(r => r.ToOffer()).ToList();
    }

    public async Task<bool> ChangeStatusAsync(Offer updated, string expectedStatus, OfferMove? move, NewOnboarding? onboarding, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updated);
        try
        {
            return await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    var changed = await connection.ExecuteAsync(new CommandDefinition(
                        """
                        UPDATE offers SET status = @Status, approval_reason = @ApprovalReason, approved_by = @ApprovedBy, approved_at = @ApprovedAt, updated_at = @UpdatedAt
                        WHERE organization_id = @OrganizationId AND id = @Id AND status = @Expected
                        """,
                        new { updated.OrganizationId, updated.Id, updated.Status, updated.ApprovalReason, updated.ApprovedBy, updated.ApprovedAt, updated.UpdatedAt, Expected = expectedStatus },
                        transaction,
                        cancellationToken: ct));
                    if (changed != 1)
                    {
                        return false;
                    }

                    if (move is not null && !await ApplicationSql.MoveAsync(connection, transaction, move.From, move.ToStage, null, move.Event.ReasonCode, move.Event, ct))
                    {
                        // The application moved meanwhile: undo the status change by failing the transaction.
                        throw new StaleOfferMoveException();
                    }

                    if (onboarding is not null)
                    {
                        await OnboardingStore.InsertAsync(connection, transaction, onboarding, ct);
                    }

                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                    return true;
                },
                ct);
        }
        catch (StaleOfferMoveException)
        {
            return false;
        }
    }

    /// <summary>Rolls back an offer status change whose application move lost a race.</summary>
    private sealed class StaleOfferMoveException : Exception
    {
        public StaleOfferMoveException()
            : base("The application moved meanwhile.")
        {
        }
    }

    private sealed class OfferRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid JobId { get; init; }

        public int Level { get; init; }

        public string Region { get; init; } = "";

        public string Currency { get; init; } = "";

        public int BaseSalary { get; init; }

        public int? EquityPercentE4 { get; init; }

        public DateOnly StartDate { get; init; }

        public int? BandMin { get; init; }

        public int? BandMax { get; init; }

        public bool PremiumApplied { get; init; }

        public bool WithinBand { get; init; }

        public string BandExplanation { get; init; } = "";

        public string Status { get; init; } = "";

        public string? ApprovalReason { get; init; }

        public Guid? ApprovedBy { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public string LetterMarkdown { get; init; } = "";

        public Guid CreatedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Offer ToOffer() => new(
            Id, OrganizationId, ApplicationId, JobId, (Level)Level, Region, Currency, BaseSalary, EquityPercentE4 is { } e ? e / 10_000m : null, StartDate,
            new BandCheck(BandMin, BandMax, PremiumApplied, WithinBand, BandExplanation), Status, ApprovalReason, ApprovedBy, ApprovedAt, LetterMarkdown, CreatedBy, CreatedAt, UpdatedAt);
    }
}
