using System.Data.Common;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Mail;
using Hirekit.Core.Onboarding;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;

namespace Hirekit.Data.Onboarding;

public sealed class OnboardingStore(IDbConnectionFactory db) : IOnboardingStore
{
    private const string PlanColumns = "p.id, p.organization_id, p.application_id, p.offer_id, p.start_date, p.link_expires_at, p.created_at";

    public async Task<OnboardingPlan?> FindForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            $"SELECT {PlanColumns} FROM onboarding_plans p WHERE p.organization_id = @OrganizationId AND p.application_id = @ApplicationId",
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return plan is null ? null : plan.ToPlan(await ItemsAsync(connection, plan.Id, ct));
    }

    public Task<bool> SetDoneAsync(Guid organizationId, Guid planId, Guid itemId, DateTimeOffset? doneAt, Guid? doneBy, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE onboarding_items SET done_at = @DoneAt, done_by = @DoneBy WHERE organization_id = @OrganizationId AND plan_id = @PlanId AND id = @Id",
                    new { OrganizationId = organizationId, PlanId = planId, Id = itemId, DoneAt = doneAt, DoneBy = doneBy },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return false;
                }

                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return true;
            },
            ct);

    public Task<bool> ReplaceLinkAsync(Guid organizationId, Guid planId, string tokenHash, DateTimeOffset expiresAt, OutgoingMail mail, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE onboarding_plans SET token_hash = @TokenHash, link_expires_at = @ExpiresAt WHERE organization_id = @OrganizationId AND id = @Id",
                    new { OrganizationId = organizationId, Id = planId, TokenHash = tokenHash, ExpiresAt = expiresAt },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return false;
                }

                await OutboxSql.EnqueueAsync(connection, transaction, [mail], ct);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return true;
            },
            ct);

    public async Task<PublishedPlan?> FindPublishedAsync(string tokenHash, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var plan = await connection.QuerySingleOrDefaultAsync<PublishedRow>(new CommandDefinition(
            $"""
            SELECT {PlanColumns}, c.name AS hire_name, j.title AS job_title, o.name AS organization_name
            FROM onboarding_plans p
            JOIN applications a ON a.id = p.application_id AND a.organization_id = p.organization_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = a.job_id
            JOIN organizations o ON o.id = p.organization_id
            WHERE p.token_hash = @TokenHash
            """,
            new { TokenHash = tokenHash },
            cancellationToken: ct));
        return plan is null ? null : new PublishedPlan(plan.ToPlan(await ItemsAsync(connection, plan.Id, ct)), plan.HireName, plan.JobTitle, plan.OrganizationName);
    }

    /// <summary>Writes a new plan, its items and its mail inside the caller's transaction (the offer's acceptance).</summary>
    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, NewOnboarding onboarding, CancellationToken ct)
    {
        var plan = onboarding.Plan;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO onboarding_plans (id, organization_id, application_id, offer_id, start_date, token_hash, link_expires_at, created_at)
            VALUES (@Id, @OrganizationId, @ApplicationId, @OfferId, @StartDate, @TokenHash, @LinkExpiresAt, @CreatedAt)
            """,
            new { plan.Id, plan.OrganizationId, plan.ApplicationId, plan.OfferId, plan.StartDate, onboarding.TokenHash, plan.LinkExpiresAt, plan.CreatedAt },
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO onboarding_items (id, plan_id, organization_id, position, phase_id, phase_title, title, description, owner, due_date, kind)
            VALUES (@Id, @PlanId, @OrganizationId, @Position, @PhaseId, @PhaseTitle, @Title, @Description, @Owner, @DueDate, @Kind)
            """,
            plan.Items.Select(i => new { i.Id, PlanId = plan.Id, plan.OrganizationId, i.Position, i.PhaseId, i.PhaseTitle, i.Title, i.Description, i.Owner, i.DueDate, i.Kind }),
            transaction,
            cancellationToken: ct));
        await OutboxSql.EnqueueAsync(connection, transaction, [onboarding.Mail], ct);
    }

    private static async Task<IReadOnlyList<OnboardingItem>> ItemsAsync(DbConnection connection, Guid planId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            "SELECT id, position, phase_id, phase_title, title, description, owner, due_date, kind, done_at, done_by FROM onboarding_items WHERE plan_id = @PlanId ORDER BY position",
            new { PlanId = planId },
            cancellationToken: ct));
        return rows.Select(r => new OnboardingItem(r.Id, r.Position, r.PhaseId, r.PhaseTitle, r.Title, r.Description, r.Owner, r.DueDate, r.Kind, r.DoneAt, r.DoneBy)).ToList();
    }

    private class PlanRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid OfferId { get; init; }

        public DateOnly StartDate { get; init; }

        public DateTimeOffset LinkExpiresAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public OnboardingPlan ToPlan(IReadOnlyList<OnboardingItem> items) => new(Id, OrganizationId, ApplicationId, OfferId, StartDate, items, CreatedAt, LinkExpiresAt);
    }

    private sealed class PublishedRow : PlanRow
    {
        public string HireName { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string OrganizationName { get; init; } = "";
    }

    private sealed class ItemRow
    {
        public Guid Id { get; init; }

        public int Position { get; init; }

        public string PhaseId { get; init; } = "";

        public string PhaseTitle { get; init; } = "";

        public string Title { get; init; } = "";

        public string Description { get; init; } = "";

        public string Owner { get; init; } = "";

        public DateOnly DueDate { get; init; }

        public string Kind { get; init; } = "";

        public DateTimeOffset? DoneAt { get; init; }

        public Guid? DoneBy { get; init; }
    }
}
