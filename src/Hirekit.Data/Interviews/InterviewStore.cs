using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;
using Hirekit.Data.Scorecards;

namespace Hirekit.Data.Interviews;

public sealed class InterviewStore(IDbConnectionFactory db) : IInterviewStore
{
    private const string Columns = """
        i.id, i.organization_id, i.application_id, i.job_id, i.stage_id, i.stage_name, i.stage_kind, i.kit_id, i.kit_version,
        i.focus, i.traits, i.questions, i.starts_at, i.duration_minutes, i.location, i.video_url, i.status, i.sequence,
        i.notify_candidate, i.organizer_id, i.cancel_reason, i.created_at, i.updated_at
        """;

    public Task ScheduleAsync(Interview interview, IReadOnlyList<Scorecard> scorecards, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await InsertAsync(connection, transaction, interview, scorecards, ct);
                await OutboxSql.EnqueueAsync(connection, transaction, mail, ct);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<Interview?> FindAsync(Guid organizationId, Guid interviewId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {Columns} FROM interviews i WHERE i.organization_id = @OrganizationId AND i.id = @Id;
            SELECT user_id FROM interview_interviewers WHERE organization_id = @OrganizationId AND interview_id = @Id ORDER BY user_id;
            """,
            new { OrganizationId = organizationId, Id = interviewId },
            cancellationToken: ct));
        var row = await results.ReadSingleOrDefaultAsync<InterviewRow>();
        var interviewers = (await results.ReadAsync<UserRow>()).Select(r => r.UserId).ToList();
        return row?.ToInterview(interviewers);
    }

    public async Task<IReadOnlyList<InterviewConflict>> FindConflictsAsync(Guid organizationId, IReadOnlyList<Guid> userIds, DateTimeOffset start, DateTimeOffset end, Guid? exceptInterviewId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ConflictRow>(new CommandDefinition(
            $"""
            SELECT ii.user_id, i.id AS interview_id, i.starts_at, i.ends_at
            FROM interview_interviewers ii JOIN interviews i ON i.id = ii.interview_id
            WHERE ii.organization_id = @OrganizationId AND ii.user_id IN @Users AND i.status = 'scheduled' AND i.stage_kind <> 'async_screen'
              AND i.starts_at < @End AND i.ends_at > @Start {(exceptInterviewId is null ? "" : "AND i.id <> @Except")}
            ORDER BY i.starts_at
            """,
            new { OrganizationId = organizationId, Users = db.Dialect.IdList(userIds), Start = start, End = end, Except = exceptInterviewId },
            cancellationToken: ct));
        return rows.Select(r => new InterviewConflict(r.UserId, r.InterviewId, r.StartsAt, r.EndsAt)).ToList();
    }

    public Task<InterviewWriteOutcome> RescheduleAsync(Interview updated, int expectedSequence, IReadOnlyList<Scorecard> added, IReadOnlyList<Guid> removed, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE interviews SET starts_at = @StartsAt, ends_at = @EndsAt, duration_minutes = @DurationMinutes, location = @Location,
                        video_url = @VideoUrl, notify_candidate = @NotifyCandidate, sequence = @Sequence, updated_at = @UpdatedAt
                    WHERE organization_id = @OrganizationId AND id = @Id AND sequence = @Expected AND status = 'scheduled'
                    """,
                    new
                    {
                        updated.OrganizationId,
                        updated.Id,
                        updated.StartsAt,
                        updated.EndsAt,
                        updated.DurationMinutes,
                        updated.Location,
                        updated.VideoUrl,
                        updated.NotifyCandidate,
                        updated.Sequence,
                        updated.UpdatedAt,
                        Expected = expectedSequence,
                    },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return InterviewWriteOutcome.Stale;
                }

                if (removed.Count > 0)
                {
                    var gone = new { updated.OrganizationId, InterviewId = updated.Id, Users = db.Dialect.IdList(removed) };
                    await ScorecardSql.DeleteDraftsAsync(connection, transaction, updated.OrganizationId, updated.Id, removed, db.Dialect, ct);
                    await connection.ExecuteAsync(new CommandDefinition(
                        "DELETE FROM interview_interviewers WHERE organization_id = @OrganizationId AND interview_id = @InterviewId AND user_id IN @Users",
                        gone,
                        transaction,
                        cancellationToken: ct));
                }

                await InsertInterviewersAsync(connection, transaction, updated, added.Select(c => c.InterviewerId).ToList(), ct);
                await ScorecardSql.InsertDraftsAsync(connection, transaction, added, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO job_team (organization_id, job_id, user_id, role) VALUES (@OrganizationId, @JobId, @UserId, @Role)
                    ON CONFLICT (organization_id, job_id, user_id) DO NOTHING
                    """,
                    added.Select(c => new { updated.OrganizationId, updated.JobId, UserId = c.InterviewerId, Role = JobTeamRoles.Interviewer }),
                    transaction,
                    cancellationToken: ct));
                await OutboxSql.EnqueueAsync(connection, transaction, mail, ct);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return InterviewWriteOutcome.Done;
            },
            ct);

    public Task<InterviewWriteOutcome> CancelAsync(Interview cancelled, int expectedSequence, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE interviews SET status = 'cancelled', cancel_reason = @CancelReason, sequence = @Sequence, updated_at = @UpdatedAt
                    WHERE organization_id = @OrganizationId AND id = @Id AND sequence = @Expected AND status = 'scheduled'
                    """,
                    new { cancelled.OrganizationId, cancelled.Id, cancelled.CancelReason, cancelled.Sequence, cancelled.UpdatedAt, Expected = expectedSequence },
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return InterviewWriteOutcome.Stale;
                }

                await OutboxSql.EnqueueAsync(connection, transaction, mail, ct);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return InterviewWriteOutcome.Done;
            },
            ct);

    public async Task<IReadOnlyList<Person>> ListPeopleAsync(Guid organizationId, IReadOnlyList<Guid> userIds, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            """
            SELECT u.id AS user_id, u.display_name, u.email, m.is_active
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = @OrganizationId AND m.user_id IN @Users
            """,
            new { OrganizationId = organizationId, Users = db.Dialect.IdList(userIds.Distinct()) },
            cancellationToken: ct));
        return rows.Select(r => new Person(r.UserId, r.DisplayName, r.Email, r.IsActive)).ToList();
    }

    public Task<IReadOnlyList<InterviewSummary>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct) =>
        ListAsync("i.organization_id = @OrganizationId AND i.application_id = @ApplicationId", "i.starts_at, i.id", new { OrganizationId = organizationId, ApplicationId = applicationId }, null, ct);

    public Task<IReadOnlyList<InterviewSummary>> ListForCandidateAsync(Guid organizationId, Guid candidateId, DateTimeOffset from, int limit, Guid? teamMember, CancellationToken ct) =>
        ListAsync(
            $"""
            i.organization_id = @OrganizationId AND a.candidate_id = @CandidateId AND i.status = 'scheduled' AND i.ends_at > @From
            {(teamMember is null ? "" : """
                AND (EXISTS (SELECT 1 FROM job_team t WHERE t.organization_id = i.organization_id AND t.job_id = i.job_id AND t.user_id = @Member AND t.role = 'hiring_manager')
                  OR EXISTS (SELECT 1 FROM interview_interviewers ii WHERE ii.interview_id = i.id AND ii.user_id = @Member))
                """)}
            """,
            "i.starts_at, i.id",
            new { OrganizationId = organizationId, CandidateId = candidateId, From = from, Member = teamMember },
            limit,
            ct);

    public Task<IReadOnlyList<InterviewSummary>> ListUpcomingForUserAsync(Guid organizationId, Guid userId, DateTimeOffset from, int limit, CancellationToken ct) =>
        ListAsync(
            """
            i.organization_id = @OrganizationId AND i.status = 'scheduled' AND i.ends_at > @From
            AND i.id IN (SELECT ii.interview_id FROM interview_interviewers ii WHERE ii.organization_id = @OrganizationId AND ii.user_id = @UserId)
            """,
            "i.starts_at, i.id",
            new { OrganizationId = organizationId, UserId = userId, From = from },
            limit,
            ct);

    /// <summary>Interviews with names and interviewers: two queries whatever the number of interviews.</summary>
    private async Task<IReadOnlyList<InterviewSummary>> ListAsync(string where, string orderBy, object parameters, int? limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, c.name AS candidate_name, j.title AS job_title
            FROM interviews i
            JOIN applications a ON a.id = i.application_id
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = i.job_id
            WHERE {where}
            ORDER BY {orderBy}
            {(limit is { } n ? $"LIMIT {n}" : "")}
            """,
            parameters,
            cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var interviewers = (await connection.QueryAsync<InterviewerRow>(new CommandDefinition(
            "SELECT interview_id, user_id FROM interview_interviewers WHERE interview_id IN @Ids ORDER BY user_id",
            new { Ids = db.Dialect.IdList(rows.Select(r => r.Id)) },
            cancellationToken: ct))).ToLookup(r => r.InterviewId, r => r.UserId);
        return rows.Select(r => new InterviewSummary(r.ToInterview(interviewers[r.Id].ToList()), r.CandidateName, r.JobTitle)).ToList();
    }

    /// <summary>
    /// Writes the interview, its interviewers, their draft scorecards, their places on the job team
    /// and a use of each planned question inside the caller's transaction (the written screen's
    /// submission creates its reviewers' interview this way).
    /// </summary>
    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, Interview interview, IReadOnlyList<Scorecard> scorecards, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO interviews (id, organization_id, application_id, job_id, stage_id, stage_name, stage_kind, kit_id, kit_version,
                focus, traits, questions, starts_at, ends_at, duration_minutes, location, video_url, status, sequence,
                notify_candidate, organizer_id, cancel_reason, created_at, updated_at)
            VALUES (@Id, @OrganizationId, @ApplicationId, @JobId, @StageId, @StageName, @StageKind, @KitId, @KitVersion,
                @Focus, @Traits, @Questions, @StartsAt, @EndsAt, @DurationMinutes, @Location, @VideoUrl, @Status, @Sequence,
                @NotifyCandidate, @OrganizerId, @CancelReason, @CreatedAt, @UpdatedAt)
            """,
            Parameters(interview),
            transaction,
            cancellationToken: ct));
        await InsertInterviewersAsync(connection, transaction, interview, interview.Interviewers, ct);
        await ScorecardSql.InsertDraftsAsync(connection, transaction, scorecards, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_team (organization_id, job_id, user_id, role) VALUES (@OrganizationId, @JobId, @UserId, @Role)
            ON CONFLICT (organization_id, job_id, user_id) DO NOTHING
            """,
            interview.Interviewers.Select(u => new { interview.OrganizationId, interview.JobId, UserId = u, Role = JobTeamRoles.Interviewer }),
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kit_question_uses (id, organization_id, kit_id, question_key, used_at) VALUES (@Id, @OrganizationId, @KitId, @Key, @UsedAt)",
            interview.Plan.Questions.Select(q => new { Id = Ids.New(), interview.OrganizationId, interview.KitId, Key = q, UsedAt = interview.CreatedAt }),
            transaction,
            cancellationToken: ct));
    }

    private static Task InsertInterviewersAsync(DbConnection connection, DbTransaction transaction, Interview interview, IReadOnlyList<Guid> users, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO interview_interviewers (organization_id, interview_id, user_id) VALUES (@OrganizationId, @InterviewId, @UserId)",
            users.Select(u => new { interview.OrganizationId, InterviewId = interview.Id, UserId = u }),
            transaction,
            cancellationToken: ct));

    private static object Parameters(Interview i) => new
    {
        i.Id,
        i.OrganizationId,
        i.ApplicationId,
        i.JobId,
        i.StageId,
        i.Plan.StageName,
        i.Plan.StageKind,
        i.KitId,
        i.KitVersion,
        Focus = JsonSerializer.Serialize(i.Plan.Focus),
        Traits = JsonSerializer.Serialize(i.Plan.Traits),
        Questions = JsonSerializer.Serialize(i.Plan.Questions),
        i.StartsAt,
        i.EndsAt,
        i.DurationMinutes,
        i.Location,
        i.VideoUrl,
        i.Status,
        i.Sequence,
        i.NotifyCandidate,
        i.OrganizerId,
        i.CancelReason,
        i.CreatedAt,
        i.UpdatedAt,
    };

    private class InterviewRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid JobId { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public string StageKind { get; init; } = "";

        public Guid KitId { get; init; }

        public int KitVersion { get; init; }

        public string Focus { get; init; } = "[]";

        public string Traits { get; init; } = "[]";

        public string Questions { get; init; } = "[]";

        public DateTimeOffset StartsAt { get; init; }

        public int DurationMinutes { get; init; }

        public string? Location { get; init; }

        public string? VideoUrl { get; init; }

        public string Status { get; init; } = "";

        public int Sequence { get; init; }

        public bool NotifyCandidate { get; init; }

        public Guid OrganizerId { get; init; }

        public string? CancelReason { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Interview ToInterview(IReadOnlyList<Guid> interviewers) => new(
            Id, OrganizationId, ApplicationId, JobId, StageId, KitId, KitVersion,
            new InterviewPlan(StageKind, StageName, List(Focus), List(Traits), List(Questions)),
            StartsAt, DurationMinutes, Location, VideoUrl, Status, Sequence, NotifyCandidate, OrganizerId, CancelReason, interviewers, CreatedAt, UpdatedAt);

        private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    private sealed class SummaryRow : InterviewRow
    {
        public string CandidateName { get; init; } = "";

        public string JobTitle { get; init; } = "";
    }

    private sealed class UserRow
    {
        public Guid UserId { get; init; }
    }

    private sealed class InterviewerRow
    {
        public Guid InterviewId { get; init; }

        public Guid UserId { get; init; }
    }

    private sealed class ConflictRow
    {
        public Guid UserId { get; init; }

        public Guid InterviewId { get; init; }

        public DateTimeOffset StartsAt { get; init; }

        public DateTimeOffset EndsAt { get; init; }
    }

    private sealed class PersonRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public string Email { get; init; } = "";

        public bool IsActive { get; init; }
    }
}
