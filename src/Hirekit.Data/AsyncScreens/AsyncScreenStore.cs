using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Audit;
using Hirekit.Core.Mail;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Interviews;
using Hirekit.Data.Mail;

namespace Hirekit.Data.AsyncScreens;

public sealed class AsyncScreenStore(IDbConnectionFactory db) : IAsyncScreenStore
{
    private const string Columns = """
        s.id, s.organization_id, s.application_id, s.job_id, s.stage_id, s.stage_name, s.kit_id, s.kit_version, s.title, s.instructions,
        s.questions, s.focus, s.traits, s.reviewers, s.sent_by, s.sent_at, s.deadline, s.remind_at, s.started_at, s.submitted_at,
        s.cancelled_at, s.reminded_at, s.interview_id, s.revision
        """;

    /// <summary>Still open at @Now: the guard of every write the candidate makes.</summary>
    private const string Open = "submitted_at IS NULL AND cancelled_at IS NULL AND deadline > @Now";

    public async Task<bool> CreateAsync(AsyncScreen screen, string tokenHash, OutgoingMail mail, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO async_screens (id, organization_id, application_id, job_id, stage_id, stage_name, kit_id, kit_version, title, instructions,
                            questions, focus, traits, reviewers, sent_by, sent_at, deadline, remind_at, started_at, submitted_at, cancelled_at, reminded_at,
                            interview_id, revision)
                        VALUES (@Id, @OrganizationId, @ApplicationId, @JobId, @StageId, @StageName, @KitId, @KitVersion, @Title, @Instructions,
                            @Questions, @Focus, @Traits, @Reviewers, @SentBy, @SentAt, @Deadline, @RemindAt, NULL, NULL, NULL, NULL, NULL, 0)
                        """,
                        new
                        {
                            screen.Id,
                            screen.OrganizationId,
                            screen.ApplicationId,
                            screen.JobId,
                            screen.StageId,
                            screen.StageName,
                            screen.KitId,
                            screen.KitVersion,
                            screen.Title,
                            screen.Instructions,
                            Questions = JsonSerializer.Serialize(screen.Questions),
                            Focus = JsonSerializer.Serialize(screen.Focus),
                            Traits = JsonSerializer.Serialize(screen.Traits),
                            Reviewers = JsonSerializer.Serialize(screen.Reviewers),
                            screen.SentBy,
                            screen.SentAt,
                            screen.Deadline,
                            screen.RemindAt,
                        },
                        transaction,
                        cancellationToken: ct));
                    await InsertTokenAsync(connection, transaction, screen, tokenHash, screen.SentAt, ct);
                    await OutboxSql.EnqueueAsync(connection, transaction, [mail], ct);
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

    public Task<AsyncScreen?> FindAsync(Guid organizationId, Guid screenId, CancellationToken ct) =>
        FindWhereAsync("s.organization_id = @OrganizationId AND s.id = @Id", new { OrganizationId = organizationId, Id = screenId }, ct);

    public Task<AsyncScreen?> FindLiveForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct) =>
        FindWhereAsync("s.organization_id = @OrganizationId AND s.application_id = @Id AND s.cancelled_at IS NULL", new { OrganizationId = organizationId, Id = applicationId }, ct);

    public Task<AsyncScreen?> FindForInterviewAsync(Guid organizationId, Guid interviewId, CancellationToken ct) =>
        FindWhereAsync("s.organization_id = @OrganizationId AND s.interview_id = @Id", new { OrganizationId = organizationId, Id = interviewId }, ct);

    public async Task<AsyncScreenByToken?> FindByTokenAsync(string tokenHash, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<NamedRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, c.name AS candidate_name, j.title AS job_title, o.name AS organization_name
            FROM async_screen_tokens t
            JOIN async_screens s ON s.id = t.screen_id AND s.organization_id = t.organization_id
            JOIN applications a ON a.id = s.application_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = s.job_id
            JOIN organizations o ON o.id = s.organization_id
            WHERE t.token_hash = @Hash
            """,
            new { Hash = tokenHash },
            cancellationToken: ct));
        return row is null ? null : new AsyncScreenByToken(row.ToScreen(), row.CandidateName, row.JobTitle, row.OrganizationName);
    }

    public async Task<IReadOnlyList<AsyncScreenAnswer>> ListAnswersAsync(Guid organizationId, Guid screenId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            "SELECT question_id, answer FROM async_screen_answers WHERE organization_id = @OrganizationId AND screen_id = @ScreenId",
            new { OrganizationId = organizationId, ScreenId = screenId },
            cancellationToken: ct));
        return rows.Select(r => new AsyncScreenAnswer(r.QuestionId, r.Answer)).ToList();
    }

    public Task<AsyncScreenWriteOutcome> SaveDraftAsync(AsyncScreen screen, IReadOnlyList<AsyncScreenAnswer> answers, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (!await ClaimAsync(connection, transaction, screen, now, ct))
                {
                    return AsyncScreenWriteOutcome.Closed;
                }

                await UpsertAnswersAsync(connection, transaction, screen, answers, now, ct);
                return AsyncScreenWriteOutcome.Done;
            },
            ct);

    public Task<AsyncScreenWriteOutcome> SubmitAsync(AsyncScreen screen, IReadOnlyList<AsyncScreenAnswer> answers, DateTimeOffset now, AsyncScreenReview review, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                // The claim locks the row: a racing submission waits here, then finds it submitted.
                if (!await ClaimAsync(connection, transaction, screen, now, ct))
                {
                    return AsyncScreenWriteOutcome.Closed;
                }

                await UpsertAnswersAsync(connection, transaction, screen, answers, now, ct);
                await InterviewStore.InsertAsync(connection, transaction, review.Interview, review.Scorecards, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE async_screens SET submitted_at = @Now, interview_id = @InterviewId WHERE organization_id = @OrganizationId AND id = @Id",
                    new { screen.OrganizationId, screen.Id, Now = now, InterviewId = review.Interview.Id },
                    transaction,
                    cancellationToken: ct));
                await OutboxSql.EnqueueAsync(connection, transaction, review.Mail, ct);
                await AuditWriter.AppendAsync(connection, transaction, review.Audit, ct);
                return AsyncScreenWriteOutcome.Done;
            },
            ct);

    public Task<AsyncScreenWriteOutcome> CancelAsync(AsyncScreen screen, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE async_screens SET cancelled_at = @Now, revision = revision + 1 WHERE organization_id = @OrganizationId AND id = @Id AND submitted_at IS NULL AND cancelled_at IS NULL",
                    new { screen.OrganizationId, screen.Id, Now = now },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return AsyncScreenWriteOutcome.Closed;
                }

                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return AsyncScreenWriteOutcome.Done;
            },
            ct);

    public async Task<IReadOnlyList<DueScreenReminder>> ListDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, c.name AS candidate_name, c.email AS candidate_email, j.title AS job_title, o.name AS organization_name
            FROM async_screens s
            JOIN applications a ON a.id = s.application_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = s.job_id
            JOIN organizations o ON o.id = s.organization_id
            WHERE s.remind_at <= @Now AND s.reminded_at IS NULL AND s.submitted_at IS NULL AND s.cancelled_at IS NULL AND s.deadline > @Now
            ORDER BY s.remind_at
            LIMIT @Limit
            """,
            new { Now = now, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new DueScreenReminder(r.ToScreen(), r.CandidateName, r.CandidateEmail, r.JobTitle, r.OrganizationName)).ToList();
    }

    public Task<bool> RecordReminderAsync(AsyncScreen screen, string tokenHash, OutgoingMail mail, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE async_screens SET reminded_at = @Now WHERE organization_id = @OrganizationId AND id = @Id AND reminded_at IS NULL AND {Open}",
                    new { screen.OrganizationId, screen.Id, Now = now },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return false;
                }

                await InsertTokenAsync(connection, transaction, screen, tokenHash, now, ct);
                await OutboxSql.EnqueueAsync(connection, transaction, [mail], ct);
                return true;
            },
            ct);

    /// <summary>Bumps the revision of a screen still open at <paramref name="now"/> (which locks its row); false when it is not.</summary>
    private static async Task<bool> ClaimAsync(DbConnection connection, DbTransaction transaction, AsyncScreen screen, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE async_screens SET revision = revision + 1, started_at = COALESCE(started_at, @Now)
            WHERE organization_id = @OrganizationId AND id = @Id AND {Open}
            """,
            new { screen.OrganizationId, screen.Id, Now = now },
            transaction,
            cancellationToken: ct)) == 1;

    private static Task UpsertAnswersAsync(DbConnection connection, DbTransaction transaction, AsyncScreen screen, IReadOnlyList<AsyncScreenAnswer> answers, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO async_screen_answers (screen_id, organization_id, question_id, answer, updated_at)
            VALUES (@ScreenId, @OrganizationId, @QuestionId, @Answer, @Now)
            ON CONFLICT (screen_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at
            """,
            answers.Select(a => new { ScreenId = screen.Id, screen.OrganizationId, a.QuestionId, Answer = a.Text, Now = now }),
            transaction,
            cancellationToken: ct));

    private static Task InsertTokenAsync(DbConnection connection, DbTransaction transaction, AsyncScreen screen, string tokenHash, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO async_screen_tokens (token_hash, screen_id, organization_id, created_at) VALUES (@Hash, @ScreenId, @OrganizationId, @Now)",
            new { Hash = tokenHash, ScreenId = screen.Id, screen.OrganizationId, Now = now },
            transaction,
            cancellationToken: ct));

    private async Task<AsyncScreen?> FindWhereAsync(string where, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<ScreenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM async_screens s WHERE {where} ORDER BY s.sent_at DESC",
            parameters,
            cancellationToken: ct));
        return row?.ToScreen();
    }

    private class ScreenRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid JobId { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public Guid KitId { get; init; }

        public int KitVersion { get; init; }

        public string Title { get; init; } = "";

        public string Instructions { get; init; } = "";

        public string Questions { get; init; } = "[]";

        public string Focus { get; init; } = "[]";

        public string Traits { get; init; } = "[]";

        public string Reviewers { get; init; } = "[]";

        public Guid SentBy { get; init; }

        public DateTimeOffset SentAt { get; init; }

        public DateTimeOffset Deadline { get; init; }

        public DateTimeOffset RemindAt { get; init; }

        public DateTimeOffset? StartedAt { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public DateTimeOffset? CancelledAt { get; init; }

        public DateTimeOffset? RemindedAt { get; init; }

        public Guid? InterviewId { get; init; }

        public int Revision { get; init; }

        public AsyncScreen ToScreen() => new(
            Id, OrganizationId, ApplicationId, JobId, StageId, StageName, KitId, KitVersion, Title, Instructions,
            List<string>(Questions), List<string>(Focus), List<string>(Traits), List<Guid>(Reviewers), SentBy, SentAt, Deadline, RemindAt,
            StartedAt, SubmittedAt, CancelledAt, RemindedAt, InterviewId, Revision);

        private static List<T> List<T>(string json) => JsonSerializer.Deserialize<List<T>>(json) ?? [];
    }

    private sealed class NamedRow : ScreenRow
    {
        public string CandidateName { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string OrganizationName { get; init; } = "";
    }

    private sealed class DueRow : ScreenRow
    {
        public string CandidateName { get; init; } = "";

        public string CandidateEmail { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string OrganizationName { get; init; } = "";
    }

    private sealed class AnswerRow
    {
        public string QuestionId { get; init; } = "";

        public string Answer { get; init; } = "";
    }
}
