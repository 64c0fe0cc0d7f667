using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Feedback;
using Hirekit.Core.Mail;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;

namespace Hirekit.Data.Feedback;

public sealed class FeedbackReportStore(IDbConnectionFactory db) : IFeedbackReportStore
{
    private const string Columns = """
        f.id, f.organization_id, f.application_id, f.status, f.content_json, f.edited, f.created_at, f.updated_at,
        f.approved_at, f.sent_at, f.expires_at, f.viewed_at, f.revoked_at
        """;

    public async Task<FeedbackReport?> FindAsync(Guid organizationId, Guid reportId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            $"SELECT {Columns} FROM feedback_reports f WHERE f.organization_id = @OrganizationId AND f.id = @Id",
            new { OrganizationId = organizationId, Id = reportId },
            cancellationToken: ct));
        return row?.ToReport();
    }

    public async Task<FeedbackReport?> FindForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            $"SELECT {Columns} FROM feedback_reports f WHERE f.organization_id = @OrganizationId AND f.application_id = @ApplicationId",
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return row?.ToReport();
    }

    public async Task<bool> CreateAsync(FeedbackReport report, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO feedback_reports (id, organization_id, application_id, status, content_json, edited, created_by, created_at, updated_at)
                        VALUES (@Id, @OrganizationId, @ApplicationId, @Status, @Content, @Edited, @CreatedBy, @CreatedAt, @UpdatedAt)
                        """,
                        new { report.Id, report.OrganizationId, report.ApplicationId, report.Status, Content = Serialize(report.Content), report.Edited, CreatedBy = audit.ActorUserId, report.CreatedAt, report.UpdatedAt },
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

    public Task<bool> UpdateDraftAsync(FeedbackReport report, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        return db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE feedback_reports SET content_json = @Content, edited = @Edited, updated_at = @UpdatedAt
                    WHERE organization_id = @OrganizationId AND id = @Id AND status = 'draft'
                    """,
                    new { report.OrganizationId, report.Id, Content = Serialize(report.Content), report.Edited, report.UpdatedAt },
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
    }

    public Task<bool> ChangeAsync(FeedbackReport updated, string expectedStatus, string? tokenHash, OutgoingMail? mail, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(audit);
        return db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE feedback_reports
                    SET status = @Status, token_hash = @TokenHash, expires_at = @ExpiresAt, approved_by = COALESCE(approved_by, @ApprovedBy),
                        approved_at = @ApprovedAt, sent_at = @SentAt, revoked_at = @RevokedAt, updated_at = @UpdatedAt
                    WHERE organization_id = @OrganizationId AND id = @Id AND status = @Expected
                    """,
                    new
                    {
                        updated.OrganizationId,
                        updated.Id,
                        updated.Status,
                        TokenHash = tokenHash,
                        updated.ExpiresAt,
                        ApprovedBy = updated.Status == FeedbackReportStatuses.Approved ? audit.ActorUserId : null,
                        updated.ApprovedAt,
                        updated.SentAt,
                        updated.RevokedAt,
                        updated.UpdatedAt,
                        Expected = expectedStatus,
                    },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return false;
                }

                if (mail is not null)
                {
                    await OutboxSql.EnqueueAsync(connection, transaction, [mail], ct);
                }

                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return true;
            },
            ct);
    }

    public async Task<PublishedReport?> FindPublishedAsync(string tokenHash, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<PublishedRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, c.name AS candidate_name, j.title AS job_title, o.name AS organization_name
            FROM feedback_reports f
            JOIN applications a ON a.id = f.application_id AND a.organization_id = f.organization_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = a.job_id
            JOIN organizations o ON o.id = f.organization_id
            WHERE f.token_hash = @TokenHash
            """,
            new { TokenHash = tokenHash },
            cancellationToken: ct));
        return row is null ? null : new PublishedReport(row.ToReport(), row.CandidateName, row.JobTitle, row.OrganizationName);
    }

    public async Task MarkViewedAsync(Guid reportId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE feedback_reports SET viewed_at = @Now WHERE id = @Id AND viewed_at IS NULL",
            new { Id = reportId, Now = now },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<FeedbackListItem>> ListForJobAsync(Guid organizationId, Guid jobId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ListRow>(new CommandDefinition(
            $"""
            SELECT a.id AS application_id, c.name AS candidate_name, a.stage, {Eligible} AS eligible,
                   f.id AS report_id, f.status, f.sent_at, f.viewed_at
            FROM applications a
            JOIN candidates c ON c.id = a.candidate_id
            LEFT JOIN feedback_reports f ON f.application_id = a.id
            WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND (f.id IS NOT NULL OR {Eligible})
            ORDER BY c.name, a.id
            LIMIT @Limit
            """,
            new { OrganizationId = organizationId, JobId = jobId, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new FeedbackListItem(r.ApplicationId, r.CandidateName, r.Stage, r.Eligible, r.ReportId, r.Status, r.SentAt, r.ViewedAt)).ToList();
    }

    public async Task<IReadOnlyList<Guid>> DueForJobAsync(Guid organizationId, Guid jobId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            $"""
            SELECT a.id FROM applications a
            WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage IN ('hired', 'rejected', 'withdrawn')
              AND {Eligible}
              AND NOT EXISTS (SELECT 1 FROM feedback_reports f WHERE f.application_id = a.id)
            ORDER BY a.updated_at, a.id
            LIMIT @Limit
            """,
            new { OrganizationId = organizationId, JobId = jobId, Limit = limit },
            cancellationToken: ct));
        return ids.ToList();
    }

    /// <summary>The application (alias a) has a submitted scorecard; the organisation leads the index it uses.</summary>
    private const string Eligible = "EXISTS (SELECT 1 FROM scorecards s WHERE s.organization_id = a.organization_id AND s.application_id = a.id AND s.status = 'submitted')";

    private static string Serialize(FeedbackContent content) => JsonSerializer.Serialize(content);

    private class ReportRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public string Status { get; init; } = "";

        public string ContentJson { get; init; } = "";

        public bool Edited { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }

        public DateTimeOffset? ViewedAt { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public FeedbackReport ToReport() => new(
            Id, OrganizationId, ApplicationId, Status, JsonSerializer.Deserialize<FeedbackContent>(ContentJson)!, Edited, CreatedAt, UpdatedAt, ApprovedAt, SentAt, ExpiresAt, ViewedAt, RevokedAt);
    }

    private sealed class PublishedRow : ReportRow
    {
        public string CandidateName { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string OrganizationName { get; init; } = "";
    }

    private sealed class ListRow
    {
        public Guid ApplicationId { get; init; }

        public string CandidateName { get; init; } = "";

        public string Stage { get; init; } = "";

        public bool Eligible { get; init; }

        public Guid? ReportId { get; init; }

        public string? Status { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public DateTimeOffset? ViewedAt { get; init; }
    }
}
