using System.Text.Json;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;

namespace Hirekit.Data.Scorecards;

public sealed class ScorecardStore(IDbConnectionFactory db) : IScorecardStore
{
    private const string Columns = """
        s.id, s.organization_id, s.interview_id, s.application_id, s.interviewer_id, s.status, s.recommendation, s.summary,
        s.red_flags, s.red_flag_note, s.revision, s.created_at, s.updated_at, s.submitted_at
        """;

    public Task<Scorecard?> FindAsync(Guid organizationId, Guid scorecardId, CancellationToken ct) =>
        FindWhereAsync("s.organization_id = @OrganizationId AND s.id = @Id", new { OrganizationId = organizationId, Id = scorecardId }, ct);

    public Task<Scorecard?> FindForAsync(Guid organizationId, Guid interviewId, Guid interviewerId, CancellationToken ct) =>
        FindWhereAsync("s.organization_id = @OrganizationId AND s.interview_id = @InterviewId AND s.interviewer_id = @InterviewerId", new { OrganizationId = organizationId, InterviewId = interviewId, InterviewerId = interviewerId }, ct);

    public Task<ScorecardWriteOutcome> SaveAsync(Scorecard card, ScorecardContent content, int? expectedRevision, DateTimeOffset now, DateTimeOffset? submitAt, AuditEntry? audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(content);
        return db.InTransactionAsync(
            async (connection, transaction) =>
            {
                // The guarded update comes first: it takes the row's lock, so of two racing saves
                // or submissions the second sees the first's result and writes nothing.
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    UPDATE scorecards SET recommendation = @Recommendation, summary = @Summary, red_flags = @RedFlags, red_flag_note = @RedFlagNote,
                        revision = revision + 1, updated_at = @Now
                    WHERE organization_id = @OrganizationId AND id = @Id AND status = 'draft' {(expectedRevision is null ? "" : "AND revision = @Expected")}
                    """,
                    new
                    {
                        card.OrganizationId,
                        card.Id,
                        Recommendation = (int?)content.Recommendation,
                        content.Summary,
                        RedFlags = JsonSerializer.Serialize(content.RedFlags),
                        content.RedFlagNote,
                        Now = now,
                        Expected = expectedRevision,
                    },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                        "SELECT status FROM scorecards WHERE organization_id = @OrganizationId AND id = @Id", new { card.OrganizationId, card.Id }, transaction, cancellationToken: ct));
                    return status == ScorecardStatuses.Draft ? ScorecardWriteOutcome.Stale : ScorecardWriteOutcome.Submitted;
                }

                var key = new { card.OrganizationId, card.Id };
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scorecard_ratings WHERE organization_id = @OrganizationId AND scorecard_id = @Id", key, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scorecard_answers WHERE organization_id = @OrganizationId AND scorecard_id = @Id", key, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO scorecard_ratings (scorecard_id, organization_id, competency_id, level, no_evidence, evidence)
                    VALUES (@ScorecardId, @OrganizationId, @CompetencyId, @Level, @NoEvidence, @Evidence)
                    """,
                    content.Ratings.Select(r => new { ScorecardId = card.Id, card.OrganizationId, r.CompetencyId, Level = (int?)r.Level, r.NoEvidence, r.Evidence }),
                    transaction,
                    cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO scorecard_answers (scorecard_id, organization_id, question_id, positive, negative, notes)
                    VALUES (@ScorecardId, @OrganizationId, @QuestionId, @Positive, @Negative, @Notes)
                    """,
                    content.Questions.Select(q => new
                    {
                        ScorecardId = card.Id,
                        card.OrganizationId,
                        q.QuestionId,
                        Positive = JsonSerializer.Serialize(q.Positive),
                        Negative = JsonSerializer.Serialize(q.Negative),
                        q.Notes,
                    }),
                    transaction,
                    cancellationToken: ct));
                if (submitAt is { } submitted)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE scorecards SET status = 'submitted', submitted_at = @SubmittedAt WHERE organization_id = @OrganizationId AND id = @Id AND status = 'draft'",
                        new { card.OrganizationId, card.Id, SubmittedAt = submitted },
                        transaction,
                        cancellationToken: ct));
                }

                if (audit is not null)
                {
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                }

                return ScorecardWriteOutcome.Done;
            },
            ct);
    }

    public async Task<IReadOnlyList<ScorecardEntry>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var key = new { OrganizationId = organizationId, ApplicationId = applicationId };
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {Columns}, u.display_name AS interviewer_name, i.stage_name, i.status AS interview_status, i.starts_at AS interview_starts_at, i.ends_at AS interview_ends_at
            FROM scorecards s JOIN interviews i ON i.id = s.interview_id JOIN users u ON u.id = s.interviewer_id
            WHERE s.organization_id = @OrganizationId AND s.application_id = @ApplicationId
            ORDER BY i.starts_at, s.id;
            SELECT r.scorecard_id, r.competency_id, r.level, r.no_evidence, r.evidence
            FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id
            WHERE s.organization_id = @OrganizationId AND s.application_id = @ApplicationId;
            SELECT q.scorecard_id, q.question_id, q.positive, q.negative, q.notes
            FROM scorecard_answers q JOIN scorecards s ON s.id = q.scorecard_id
            WHERE s.organization_id = @OrganizationId AND s.application_id = @ApplicationId;
            """,
            key,
            cancellationToken: ct));
        var cards = (await results.ReadAsync<EntryRow>()).ToList();
        var ratings = (await results.ReadAsync<RatingRow>()).ToLookup(r => r.ScorecardId);
        var answers = (await results.ReadAsync<AnswerRow>()).ToLookup(a => a.ScorecardId);
        return cards.Select(c => new ScorecardEntry(c.ToScorecard(ratings[c.Id], answers[c.Id]), c.InterviewerName, c.StageName, c.InterviewStatus, c.InterviewStartsAt, c.InterviewEndsAt)).ToList();
    }

    public async Task<IReadOnlyList<PendingScorecard>> ListPendingAsync(Guid organizationId, Guid interviewerId, DateTimeOffset startedBefore, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
            """
            SELECT s.id AS scorecard_id, s.interview_id, s.application_id, c.name AS candidate_name, j.title AS job_title, i.stage_name,
                   i.starts_at AS interview_starts_at, i.ends_at AS interview_ends_at
            FROM scorecards s
            JOIN interviews i ON i.id = s.interview_id
            JOIN applications a ON a.id = s.application_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = i.job_id
            WHERE s.organization_id = @OrganizationId AND s.interviewer_id = @InterviewerId AND s.status = 'draft'
              AND i.status = 'scheduled' AND i.starts_at < @Before
            ORDER BY i.starts_at, s.id
            LIMIT @Limit
            """,
            new { OrganizationId = organizationId, InterviewerId = interviewerId, Before = startedBefore, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new PendingScorecard(r.ScorecardId, r.InterviewId, r.ApplicationId, r.CandidateName, r.JobTitle, r.StageName, r.InterviewStartsAt, r.InterviewEndsAt)).ToList();
    }

    /// <summary>
    /// Drafts whose interview ended before <paramref name="endedBefore"/>, oldest first. They are
    /// read as a range of the partial index on <c>scheduled_end</c> (ADR 29), which triggers keep
    /// equal to the interview's end while it is scheduled; the join re-checks the interview.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset endedBefore, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            """
            SELECT s.id AS scorecard_id, s.organization_id, s.interview_id, u.email AS interviewer_email, u.display_name AS interviewer_name,
                   c.name AS candidate_name, i.stage_name, i.ends_at AS interview_ends_at
            FROM scorecards s
            JOIN interviews i ON i.id = s.interview_id
            JOIN users u ON u.id = s.interviewer_id
            JOIN applications a ON a.id = s.application_id
            JOIN candidates c ON c.id = a.candidate_id
            WHERE s.status = 'draft' AND s.reminded_at IS NULL AND s.scheduled_end IS NOT NULL AND s.scheduled_end < @EndedBefore
              AND i.status = 'scheduled'
            ORDER BY s.scheduled_end, s.id
            LIMIT @Limit
            """,
            new { EndedBefore = endedBefore, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new DueReminder(r.ScorecardId, r.OrganizationId, r.InterviewId, r.InterviewerEmail, r.InterviewerName, r.CandidateName, r.StageName, r.InterviewEndsAt)).ToList();
    }

    public Task<bool> RecordReminderAsync(DueReminder reminder, OutgoingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var marked = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE scorecards SET reminded_at = @Now WHERE organization_id = @OrganizationId AND id = @Id AND status = 'draft' AND reminded_at IS NULL",
                    new { reminder.OrganizationId, Id = reminder.ScorecardId, Now = now },
                    transaction,
                    cancellationToken: ct));
                if (marked != 1)
                {
                    return false;
                }

                await OutboxSql.EnqueueAsync(connection, transaction, [mail], ct);
                return true;
            },
            ct);
    }

    private async Task<Scorecard?> FindWhereAsync(string where, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {Columns} FROM scorecards s WHERE {where};
            SELECT r.scorecard_id, r.competency_id, r.level, r.no_evidence, r.evidence FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id WHERE {where};
            SELECT q.scorecard_id, q.question_id, q.positive, q.negative, q.notes FROM scorecard_answers q JOIN scorecards s ON s.id = q.scorecard_id WHERE {where};
            """,
            parameters,
            cancellationToken: ct));
        var card = await results.ReadSingleOrDefaultAsync<CardRow>();
        var ratings = await results.ReadAsync<RatingRow>();
        var answers = await results.ReadAsync<AnswerRow>();
        return card?.ToScorecard(ratings, answers);
    }

    private class CardRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid InterviewId { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid InterviewerId { get; init; }

        public string Status { get; init; } = "";

        public int? Recommendation { get; init; }

        public string Summary { get; init; } = "";

        public string RedFlags { get; init; } = "[]";

        public string RedFlagNote { get; init; } = "";

        public int Revision { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public Scorecard ToScorecard(IEnumerable<RatingRow> ratings, IEnumerable<AnswerRow> answers) => new(
            Id,
            OrganizationId,
            InterviewId,
            ApplicationId,
            InterviewerId,
            Status,
            new ScorecardContent(
                answers.Select(a => new QuestionNotes(a.QuestionId, Ints(a.Positive), Ints(a.Negative), a.Notes)).OrderBy(a => a.QuestionId, StringComparer.Ordinal).ToList(),
                ratings.Select(r => new CompetencyRating(r.CompetencyId, r.Level is { } l ? (Level)l : null, r.NoEvidence, r.Evidence)).OrderBy(r => r.CompetencyId, StringComparer.Ordinal).ToList(),
                JsonSerializer.Deserialize<List<string>>(RedFlags) ?? [],
                RedFlagNote,
                Recommendation is { } r ? (Recommendation)r : null,
                Summary),
            Revision,
            CreatedAt,
            UpdatedAt,
            SubmittedAt);

        private static List<int> Ints(string json) => JsonSerializer.Deserialize<List<int>>(json) ?? [];
    }

    private sealed class EntryRow : CardRow
    {
        public string InterviewerName { get; init; } = "";

        public string StageName { get; init; } = "";

        public string InterviewStatus { get; init; } = "";

        public DateTimeOffset InterviewStartsAt { get; init; }

        public DateTimeOffset InterviewEndsAt { get; init; }
    }

    private sealed class RatingRow
    {
        public Guid ScorecardId { get; init; }

        public string CompetencyId { get; init; } = "";

        public int? Level { get; init; }

        public bool NoEvidence { get; init; }

        public string Evidence { get; init; } = "";
    }

    private sealed class AnswerRow
    {
        public Guid ScorecardId { get; init; }

        public string QuestionId { get; init; } = "";

        public string Positive { get; init; } = "[]";

        public string Negative { get; init; } = "[]";

        public string Notes { get; init; } = "";
    }

    private sealed class PendingRow
    {
        public Guid ScorecardId { get; init; }

        public Guid InterviewId { get; init; }

        public Guid ApplicationId { get; init; }

        public string CandidateName { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string StageName { get; init; } = "";

        public DateTimeOffset InterviewStartsAt { get; init; }

        public DateTimeOffset InterviewEndsAt { get; init; }
    }

    private sealed class ReminderRow
    {
        public Guid ScorecardId { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid InterviewId { get; init; }

        public string InterviewerEmail { get; init; } = "";

        public string InterviewerName { get; init; } = "";

        public string CandidateName { get; init; } = "";

        public string StageName { get; init; } = "";

        public DateTimeOffset InterviewEndsAt { get; init; }
    }
}
