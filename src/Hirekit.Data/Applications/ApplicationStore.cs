using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;
using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Jobs;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Jobs;

namespace Hirekit.Data.Applications;

public sealed class ApplicationStore(IDbConnectionFactory db, PipelineCardCache cardCache) : IApplicationStore
{
    private const string Columns = "a.id, a.organization_id, a.job_id, a.candidate_id, a.stage, a.stage_id, a.source, a.resume_file_id, a.reject_reason, a.created_at, a.updated_at";

    public async Task<bool> CreateAsync(Application application, Guid? actorUserId, string note, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await ApplicationSql.InsertAsync(connection, transaction, application, actorUserId, note, ct);
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

    public async Task<Application?> FindAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM applications a WHERE a.organization_id = @OrganizationId AND a.id = @Id", new { OrganizationId = organizationId, Id = applicationId }, cancellationToken: ct));
        return row?.ToApplication();
    }

    public async Task<Application?> FindForAsync(Guid organizationId, Guid jobId, Guid candidateId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM applications a WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.candidate_id = @CandidateId",
            new { OrganizationId = organizationId, JobId = jobId, CandidateId = candidateId },
            cancellationToken: ct));
        return row?.ToApplication();
    }

    public async Task<IReadOnlyList<ApplicationSummary>> ListForCandidateAsync(Guid organizationId, Guid candidateId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, c.name AS candidate_name, j.title AS job_title, s.name AS stage_name
            FROM applications a
            JOIN candidates c ON c.id = a.candidate_id
            JOIN jobs j ON j.id = a.job_id
            LEFT JOIN job_loop_stages s ON s.id = a.stage_id
            WHERE a.organization_id = @OrganizationId AND a.candidate_id = @CandidateId
            ORDER BY a.id DESC
            """,
            new { OrganizationId = organizationId, CandidateId = candidateId },
            cancellationToken: ct));
        return rows.Select(r => new ApplicationSummary(r.ToApplication(), r.CandidateName, r.JobTitle, r.StageName)).ToList();
    }

    public async Task<IReadOnlyList<ApplicationEvent>> HistoryAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT e.id, e.application_id, e.kind, e.from_stage, e.from_stage_id, e.to_stage, e.to_stage_id, e.reason_code, e.note, e.actor_user_id, u.display_name AS actor_name, e.occurred_at
            FROM application_events e LEFT JOIN users u ON u.id = e.actor_user_id
            WHERE e.organization_id = @OrganizationId AND e.application_id = @ApplicationId
            ORDER BY e.occurred_at, e.id
            """,
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return rows.Select(r => new ApplicationEvent(r.Id, r.ApplicationId, r.Kind, r.FromStage, r.FromStageId, r.ToStage, r.ToStageId, r.ReasonCode, r.Note, r.ActorUserId, r.ActorName, r.OccurredAt)).ToList();
    }

    public Task<MoveOutcome> MoveAsync(Application from, string toStage, Guid? toStageId, string? rejectReason, ApplicationEvent @event, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (!await ApplicationSql.MoveAsync(connection, transaction, from, toStage, toStageId, rejectReason, @event, ct))
                {
                    return MoveOutcome.Stale;
                }

                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return MoveOutcome.Moved;
            },
            ct);

    /// <summary>The live written screen of a card's application: at most one (a unique index), so the join adds no rows and no query.</summary>
    private const string ScreenJoin = "LEFT JOIN async_screens s ON s.application_id = a.id AND s.organization_id = a.organization_id AND s.cancelled_at IS NULL";

    private const string ScreenColumns = "s.id AS screen_id, s.deadline AS screen_deadline, s.started_at AS screen_started_at, s.submitted_at AS screen_submitted_at";

    /// <summary>
    /// The job and its board: one command on each call (one round trip; ADR 37) reads the job,
    /// the member's place on its team when <paramref name="teamMemberId"/> is given, and in one
    /// statement the loop's stages, every column's count and the job's pipeline version. The
    /// newest cards come from <see cref="PipelineCardCache"/> when the version is the one they
    /// were read at, else from one more statement, whatever the number of applications.
    /// </summary>
    public async Task<JobBoard?> PipelineAsync(Guid organizationId, Guid jobId, Guid? teamMemberId, int cardsPerColumn, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var (job, onTeam, rows) = await ReadJobAndBoardAsync(connection, organizationId, jobId, teamMemberId, ct);
        if (job is null || !onTeam)
        {
            return null;
        }

        var columns = PipelineStages.Columns(rows.Where(r => r.Kind == "stage").OrderBy(r => r.Position).Select(r => new LoopStageName(r.StageId!.Value, r.Name)));
        var version = rows.FirstOrDefault(r => r.Kind == "version")?.Count ?? 0;
        var counts = rows.Where(r => r.Kind == "count").ToDictionary(c => (c.Stage, c.StageKey), c => (int)c.Count);
        var shape = $"{cardsPerColumn}|{string.Join(',', columns.Select(c => $"{c.Stage}:{c.StageId}"))}";
        // The shared read is not cancelled with this request: other requests may be waiting for it.
        var cards = await cardCache.FindOrReadAsync(organizationId, jobId, version, shape, () => ReadCardsAsync(connection, organizationId, jobId, columns, cardsPerColumn, CancellationToken.None));

        return new JobBoard(job, columns.Select((column, i) => new PipelineColumn(
            column.Stage, column.StageId, column.Name, counts.GetValueOrDefault((column.Stage, ApplicationSql.StageKey(column.StageId))), cards[i].Cards, cards[i].HasMore)).ToList());
    }

    /// <summary>
    /// The board's one command. The version is read before the cards, so cards kept under it are
    /// at least as new as it says (a later change raises it again). Stages and counts come from one
    /// statement, so one snapshot: a loop edited meanwhile cannot leave a count without its column.
    /// The reader is closed on return, so the connection is free for the cards' statement.
    /// </summary>
    private static async Task<(Job? Job, bool OnTeam, List<BoardRow> Rows)> ReadJobAndBoardAsync(DbConnection connection, Guid organizationId, Guid jobId, Guid? teamMemberId, CancellationToken ct)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {JobStore.JobColumns} FROM jobs j WHERE j.organization_id = @OrganizationId AND j.id = @JobId;
            {(teamMemberId is null ? "" : "SELECT 1 FROM job_team WHERE organization_id = @OrganizationId AND job_id = @JobId AND user_id = @MemberId;")}
            SELECT 'stage' AS kind, s.id AS stage_id, s.name, s.position, '' AS stage, '' AS stage_key, 0 AS count
            FROM job_loop_stages s WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId
            UNION ALL
            SELECT 'count', NULL, '', 0, stage, stage_key, count FROM pipeline_counts WHERE organization_id = @OrganizationId AND job_id = @JobId
            UNION ALL
            SELECT 'version', NULL, '', 0, '', '', version FROM pipeline_versions WHERE organization_id = @OrganizationId AND job_id = @JobId
            """,
            new { OrganizationId = organizationId, JobId = jobId, MemberId = teamMemberId ?? Guid.Empty },
            cancellationToken: ct));
        var job = (await results.ReadSingleOrDefaultAsync<JobStore.JobRow>())?.ToJob();
        var onTeam = teamMemberId is null || (await results.ReadAsync()).Any();
        return (job, onTeam, (await results.ReadAsync<BoardRow>()).ToList());
    }

    /// <summary>Each column's first page of newest cards, reading one more to tell whether there are more.</summary>
    private static async Task<IReadOnlyList<CardPage>> ReadCardsAsync(DbConnection connection, Guid organizationId, Guid jobId, IReadOnlyList<(string Stage, Guid? StageId, string Name)> columns, int cardsPerColumn, CancellationToken ct)
    {
        // One statement: each column's newest cards come from its own index range, so the cost
        // does not grow with the number of applications in the job.
        var parameters = new DynamicParameters(new { OrganizationId = organizationId, JobId = jobId, Limit = cardsPerColumn + 1 });
        var sql = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            parameters.Add($"S{i}", columns[i].Stage);
            var stageFilter = columns[i].StageId is { } id ? $"a.stage_id = @I{i}" : "a.stage_id IS NULL";
            if (columns[i].StageId is { } stageId)
            {
                parameters.Add($"I{i}", stageId);
            }

            sql.Append(i == 0 ? "" : " UNION ALL ").Append(
                $"""
                SELECT * FROM (
                    SELECT {i} AS col, a.id AS application_id, a.candidate_id, c.name AS candidate_name, a.created_at AS applied_at, a.updated_at, {ScreenColumns}
                    FROM applications a JOIN candidates c ON c.id = a.candidate_id {ScreenJoin}
                    WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage = @S{i} AND {stageFilter}
                    ORDER BY a.id DESC LIMIT @Limit) t{i}
                """);
        }

        var rows = (await connection.QueryAsync<CardRow>(new CommandDefinition(sql.ToString(), parameters, cancellationToken: ct))).ToLookup(c => c.Col);
        return columns.Select((_, i) =>
        {
            var read = rows[i].Select(c => c.ToCard()).ToList();
            return read.Count > cardsPerColumn ? new CardPage(read.Take(cardsPerColumn).ToList(), true) : new CardPage(read, false);
        }).ToList();
    }

    public async Task<IReadOnlyList<PipelineCard>> ColumnAsync(Guid organizationId, Guid jobId, string stage, Guid? stageId, Guid? before, int limit, CancellationToken ct)
    {
        var sql = $"""
            SELECT a.id AS application_id, a.candidate_id, c.name AS candidate_name, a.created_at AS applied_at, a.updated_at, {ScreenColumns}
            FROM applications a JOIN candidates c ON c.id = a.candidate_id {ScreenJoin}
            WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage = @Stage AND {(stageId is null ? "a.stage_id IS NULL" : "a.stage_id = @StageId")}
            {(before is null ? "" : "AND a.id < @Before")}
            ORDER BY a.id DESC LIMIT @Limit
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CardRow>(new CommandDefinition(
            sql, new { OrganizationId = organizationId, JobId = jobId, Stage = stage, StageId = stageId ?? Guid.Empty, Before = before ?? Guid.Empty, Limit = limit }, cancellationToken: ct));
        return rows.Select(c => c.ToCard()).ToList();
    }

    public async Task<ScreenDecision?> FindScreenAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ScreenRow>(new CommandDefinition(
            """
            SELECT s.decisions, s.note, s.decided_by, u.display_name AS decided_by_name, s.decided_at
            FROM application_screens s LEFT JOIN users u ON u.id = s.decided_by
            WHERE s.organization_id = @OrganizationId AND s.application_id = @ApplicationId
            """,
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return row is null ? null : new ScreenDecision(JsonSerializer.Deserialize<Dictionary<string, bool>>(row.Decisions) ?? [], row.Note, row.DecidedBy, row.DecidedByName, row.DecidedAt);
    }

    public Task SaveScreenAsync(Guid organizationId, Guid applicationId, ScreenDecision decision, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO application_screens (application_id, organization_id, decisions, note, decided_by, decided_at)
                    VALUES (@ApplicationId, @OrganizationId, @Decisions, @Note, @DecidedBy, @DecidedAt)
                    ON CONFLICT (application_id) DO UPDATE SET decisions = @Decisions, note = @Note, decided_by = @DecidedBy, decided_at = @DecidedAt
                    """,
                    new { ApplicationId = applicationId, OrganizationId = organizationId, Decisions = JsonSerializer.Serialize(decision.Flags), decision.Note, decision.DecidedBy, decision.DecidedAt },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    private class ApplicationRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid JobId { get; init; }

        public Guid CandidateId { get; init; }

        public string Stage { get; init; } = "";

        public Guid? StageId { get; init; }

        public string Source { get; init; } = "";

        public Guid? ResumeFileId { get; init; }

        public string? RejectReason { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Application ToApplication() => new(Id, OrganizationId, JobId, CandidateId, Stage, StageId, Source, ResumeFileId, RejectReason, CreatedAt, UpdatedAt);
    }

    private sealed class SummaryRow : ApplicationRow
    {
        public string CandidateName { get; init; } = "";

        public string JobTitle { get; init; } = "";

        public string? StageName { get; init; }
    }

    private sealed class EventRow
    {
        public Guid Id { get; init; }

        public Guid ApplicationId { get; init; }

        public string Kind { get; init; } = "";

        public string? FromStage { get; init; }

        public Guid? FromStageId { get; init; }

        public string? ToStage { get; init; }

        public Guid? ToStageId { get; init; }

        public string? ReasonCode { get; init; }

        public string? Note { get; init; }

        public Guid? ActorUserId { get; init; }

        public string? ActorName { get; init; }

        public DateTimeOffset OccurredAt { get; init; }
    }

    private sealed class CardRow
    {
        public int Col { get; init; }

        public Guid ApplicationId { get; init; }

        public Guid CandidateId { get; init; }

        public string CandidateName { get; init; } = "";

        public DateTimeOffset AppliedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Guid? ScreenId { get; init; }

        public DateTimeOffset? ScreenDeadline { get; init; }

        public DateTimeOffset? ScreenStartedAt { get; init; }

        public DateTimeOffset? ScreenSubmittedAt { get; init; }

        public PipelineCard ToCard() => new(
            ApplicationId, CandidateId, CandidateName, AppliedAt, UpdatedAt,
            ScreenId is { } id ? new AsyncScreenBadge(id, ScreenDeadline!.Value, ScreenStartedAt, ScreenSubmittedAt) : null);
    }

    /// <summary>A row of the board's statement: a loop stage, a column's count, or the pipeline version (<see cref="Kind"/> says which).</summary>
    private sealed class BoardRow
    {
        public string Kind { get; init; } = "";

        public Guid? StageId { get; init; }

        public string Name { get; init; } = "";

        public int Position { get; init; }

        public string Stage { get; init; } = "";

        public string StageKey { get; init; } = "";

        public long Count { get; init; }
    }

    private sealed class ScreenRow
    {
        public string Decisions { get; init; } = "{}";

        public string Note { get; init; } = "";

        public Guid DecidedBy { get; init; }

        public string? DecidedByName { get; init; }

        public DateTimeOffset DecidedAt { get; init; }
    }
}
