using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Jobs;

public sealed class JobStore(IDbConnectionFactory db) : IJobStore
{
    internal const string JobColumns = """
        j.id, j.organization_id, j.slug, j.title, j.status, j.kit_id, j.kit_version_id, j.kit_version, j.target_level,
        j.specialisation, j.loop_template, j.intake, j.weights, j.location, j.location_code, j.remote, j.employment_type,
        j.comp_region, j.stack_primary, j.stack_details, j.scale, j.challenge, j.success_criteria, j.team, j.about,
        j.pay_min, j.pay_max, j.pay_currency, j.valid_through, j.opened_at, j.closed_at, j.created_at, j.updated_at
        """;

    public async Task<bool> CreateAsync(Job job, IReadOnlyList<LoopStage> loop, IReadOnlyList<TeamAssignment> team, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO jobs (id, organization_id, slug, title, status, kit_id, kit_version_id, kit_version, target_level, specialisation, loop_template,
                                          intake, weights, location, location_code, remote, employment_type, comp_region, stack_primary, stack_details, scale,
                                          challenge, success_criteria, team, about, pay_min, pay_max, pay_currency, valid_through, opened_at, closed_at,
                                          created_by, created_at, updated_at)
                        VALUES (@Id, @OrganizationId, @Slug, @Title, @Status, @KitId, @KitVersionId, @KitVersion, @TargetLevel, @Specialisation, @LoopTemplate,
                                @Intake, @Weights, @Location, @LocationCode, @Remote, @EmploymentType, @CompRegion, @StackPrimary, @StackDetails, @Scale,
                                @Challenge, @SuccessCriteria, @Team, @About, @PayMin, @PayMax, @PayCurrency, @ValidThrough, @OpenedAt, @ClosedAt,
                                @CreatedBy, @CreatedAt, @UpdatedAt)
                        """,
                        Parameters(job, audit.ActorUserId),
                        transaction,
                        cancellationToken: ct));
                    await InsertStagesAsync(connection, transaction, job.OrganizationId, job.Id, loop, ct);
                    await InsertTeamAsync(connection, transaction, job.OrganizationId, job.Id, team, ct);
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

    public async Task<Job?> FindAsync(Guid organizationId, Guid jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobColumns} FROM jobs j WHERE j.organization_id = @OrganizationId AND j.id = @JobId",
            new { OrganizationId = organizationId, JobId = jobId },
            cancellationToken: ct));
        return row?.ToJob();
    }

    public async Task<bool> SlugExistsAsync(Guid organizationId, string slug, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM jobs WHERE organization_id = @OrganizationId AND slug = @Slug", new { OrganizationId = organizationId, Slug = slug }, cancellationToken: ct)) is not null;
    }

    public async Task<IReadOnlyList<JobSummary>> ListAsync(Guid organizationId, Guid? memberId, string? status, Guid? before, int limit, CancellationToken ct)
    {
        var where = "j.organization_id = @OrganizationId";
        if (memberId is not null)
        {
            where += " AND EXISTS (SELECT 1 FROM job_team t WHERE t.organization_id = @OrganizationId AND t.job_id = j.id AND t.user_id = @MemberId)";
        }

        if (status is not null)
        {
            where += " AND j.status = @Status";
        }

        if (before is not null)
        {
            where += " AND j.id < @Before";
        }

        // The page is chosen first; applications are counted for its rows only.
        var sql = $"""
            WITH page AS (
                SELECT j.id, j.slug, j.title, j.status, j.target_level, j.location, j.updated_at
                FROM jobs j
                WHERE {where}
                ORDER BY j.id DESC
                LIMIT @Limit
            )
            SELECT p.id, p.slug, p.title, p.status, p.target_level, p.location, p.updated_at,
                   (SELECT COUNT(*) FROM applications a WHERE a.organization_id = @OrganizationId AND a.job_id = p.id) AS applications
            FROM page p
            ORDER BY p.id DESC
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            sql,
            new { OrganizationId = organizationId, MemberId = memberId ?? Guid.Empty, Status = status, Before = before ?? Guid.Empty, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new JobSummary(r.Id, r.Slug, r.Title, r.Status, (Level)r.TargetLevel, r.Location, (int)r.Applications, r.UpdatedAt)).ToList();
    }

    public async Task<bool> IsOnTeamAsync(Guid organizationId, Guid jobId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM job_team WHERE organization_id = @OrganizationId AND job_id = @JobId AND user_id = @UserId",
            new { OrganizationId = organizationId, JobId = jobId, UserId = userId },
            cancellationToken: ct)) is not null;
    }

    public Task UpdateAsync(Job job, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE jobs SET title = @Title, status = @Status, location = @Location, location_code = @LocationCode, remote = @Remote,
                        employment_type = @EmploymentType, comp_region = @CompRegion, stack_primary = @StackPrimary, stack_details = @StackDetails,
                        scale = @Scale, challenge = @Challenge, success_criteria = @SuccessCriteria, team = @Team, about = @About,
                        pay_min = @PayMin, pay_max = @PayMax, pay_currency = @PayCurrency, valid_through = @ValidThrough,
                        opened_at = @OpenedAt, closed_at = @ClosedAt, weights = @Weights, updated_at = @UpdatedAt
                    WHERE organization_id = @OrganizationId AND id = @Id
                    """,
                    Parameters(job, null),
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<IReadOnlyList<LoopStage>> GetLoopAsync(Guid organizationId, Guid jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition(
            """
            SELECT s.id, s.kind, s.name, s.duration_minutes, s.focus, s.traits, s.questions, s.exercise, s.written_screen
            FROM job_loop_stages s WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId ORDER BY s.position
            """,
            new { OrganizationId = organizationId, JobId = jobId },
            cancellationToken: ct))).ToList();
        var interviewers = (await connection.QueryAsync<InterviewerRow>(new CommandDefinition(
            """
            SELECT i.stage_id, i.user_id FROM job_stage_interviewers i
            JOIN job_loop_stages s ON s.id = i.stage_id
            WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId
            """,
            new { OrganizationId = organizationId, JobId = jobId },
            cancellationToken: ct))).ToLookup(i => i.StageId, i => i.UserId);
        return stages.Select(s => new LoopStage(
            s.Id, s.Kind, s.Name, s.DurationMinutes, Json<List<string>>(s.Focus), Json<List<string>>(s.Traits), Json<List<string>>(s.Questions), s.Exercise, s.WrittenScreen, interviewers[s.Id].ToList())).ToList();
    }

    public Task<LoopSaveOutcome> SaveLoopAsync(Guid organizationId, Guid jobId, IReadOnlyList<LoopStage> loop, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, JobId = jobId, Keep = db.Dialect.IdList(loop.Select(s => s.Id)) };
                var inUse = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    SELECT 1 FROM applications a
                    WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage_id IS NOT NULL AND NOT (a.stage_id IN @Keep)
                    LIMIT 1
                    """,
                    key,
                    transaction,
                    cancellationToken: ct));
                if (inUse is not null)
                {
                    return LoopSaveOutcome.StageInUse;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM job_stage_interviewers WHERE stage_id IN (SELECT id FROM job_loop_stages WHERE organization_id = @OrganizationId AND job_id = @JobId)",
                    key,
                    transaction,
                    cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM job_loop_stages WHERE organization_id = @OrganizationId AND job_id = @JobId AND NOT (id IN @Keep)",
                    key,
                    transaction,
                    cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE job_loop_stages SET position = @Position, kind = @Kind, name = @Name, duration_minutes = @DurationMinutes, focus = @Focus,
                        traits = @Traits, questions = @Questions, exercise = @Exercise, written_screen = @WrittenScreen
                    WHERE organization_id = @OrganizationId AND id = @Id
                    """,
                    StageParameters(organizationId, jobId, loop),
                    transaction,
                    cancellationToken: ct));
                await InsertStagesAsync(connection, transaction, organizationId, jobId, loop, ct, onlyMissing: true);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO job_stage_interviewers (organization_id, stage_id, user_id) VALUES (@OrganizationId, @StageId, @UserId)",
                    loop.SelectMany(s => s.Interviewers.Select(u => new { OrganizationId = organizationId, StageId = s.Id, UserId = u })),
                    transaction,
                    cancellationToken: ct));
                var interviewers = loop.SelectMany(s => s.Interviewers).Distinct().Select(u => new TeamAssignment(u, JobTeamRoles.Interviewer)).ToList();
                await InsertTeamAsync(connection, transaction, organizationId, jobId, interviewers, ct, onlyMissing: true);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return LoopSaveOutcome.Saved;
            },
            ct);

    public async Task<IReadOnlyList<JobTeamMember>> GetTeamAsync(Guid organizationId, Guid jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<TeamRow>(new CommandDefinition(
            """
            SELECT t.user_id, u.display_name, u.email, t.role
            FROM job_team t JOIN users u ON u.id = t.user_id
            WHERE t.organization_id = @OrganizationId AND t.job_id = @JobId
            ORDER BY CASE t.role WHEN 'hiring_manager' THEN 1 WHEN 'recruiter' THEN 2 ELSE 3 END, lower(u.display_name)
            """,
            new { OrganizationId = organizationId, JobId = jobId },
            cancellationToken: ct));
        return rows.Select(r => new JobTeamMember(r.UserId, r.DisplayName, r.Email, r.Role)).ToList();
    }

    public Task SaveTeamAsync(Guid organizationId, Guid jobId, IReadOnlyList<TeamAssignment> team, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, JobId = jobId };
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM job_team WHERE organization_id = @OrganizationId AND job_id = @JobId", key, transaction, cancellationToken: ct));
                await InsertTeamAsync(connection, transaction, organizationId, jobId, team, ct);
                var stageInterviewers = (await connection.QueryAsync<Guid>(new CommandDefinition(
                    """
                    SELECT DISTINCT i.user_id FROM job_stage_interviewers i JOIN job_loop_stages s ON s.id = i.stage_id
                    WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId
                    """,
                    key,
                    transaction,
                    cancellationToken: ct))).Select(u => new TeamAssignment(u, JobTeamRoles.Interviewer)).ToList();
                await InsertTeamAsync(connection, transaction, organizationId, jobId, stageInterviewers, ct, onlyMissing: true);
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    private static Task InsertStagesAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid jobId, IReadOnlyList<LoopStage> loop, CancellationToken ct, bool onlyMissing = false) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO job_loop_stages (id, organization_id, job_id, position, kind, name, duration_minutes, focus, traits, questions, exercise, written_screen)
            VALUES (@Id, @OrganizationId, @JobId, @Position, @Kind, @Name, @DurationMinutes, @Focus, @Traits, @Questions, @Exercise, @WrittenScreen)
            {(onlyMissing ? "ON CONFLICT (id) DO NOTHING" : "")}
            """,
            StageParameters(organizationId, jobId, loop),
            transaction,
            cancellationToken: ct));

    private static Task InsertTeamAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid jobId, IReadOnlyList<TeamAssignment> team, CancellationToken ct, bool onlyMissing = false) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO job_team (organization_id, job_id, user_id, role) VALUES (@OrganizationId, @JobId, @UserId, @Role)
            {(onlyMissing ? "ON CONFLICT (organization_id, job_id, user_id) DO NOTHING" : "")}
            """,
            team.Select(t => new { OrganizationId = organizationId, JobId = jobId, t.UserId, t.Role }),
            transaction,
            cancellationToken: ct));

    private static IEnumerable<object> StageParameters(Guid organizationId, Guid jobId, IReadOnlyList<LoopStage> loop) =>
        loop.Select((s, i) => (object)new
        {
            s.Id,
            OrganizationId = organizationId,
            JobId = jobId,
            Position = i,
            s.Kind,
            s.Name,
            s.DurationMinutes,
            Focus = JsonSerializer.Serialize(s.Focus),
            Traits = JsonSerializer.Serialize(s.Traits),
            Questions = JsonSerializer.Serialize(s.Questions),
            s.Exercise,
            s.WrittenScreen,
        });

    private static object Parameters(Job job, Guid? createdBy) => new
    {
        job.Id,
        job.OrganizationId,
        job.Slug,
        job.Title,
        job.Status,
        job.KitId,
        job.KitVersionId,
        job.KitVersion,
        TargetLevel = (int)job.TargetLevel,
        job.Specialisation,
        job.LoopTemplate,
        Intake = JsonSerializer.Serialize(job.Intake),
        Weights = JsonSerializer.Serialize(job.Weights),
        Location = job.Location.Name,
        LocationCode = job.Location.Code,
        job.Location.Remote,
        job.EmploymentType,
        CompRegion = job.CompensationRegion,
        job.Description.StackPrimary,
        job.Description.StackDetails,
        job.Description.Scale,
        job.Description.Challenge,
        job.Description.SuccessCriteria,
        job.Description.Team,
        job.Description.About,
        PayMin = job.Description.Pay?.Min,
        PayMax = job.Description.Pay?.Max,
        PayCurrency = job.Description.Pay?.Currency,
        job.ValidThrough,
        job.OpenedAt,
        job.ClosedAt,
        CreatedBy = createdBy,
        job.CreatedAt,
        job.UpdatedAt,
    };

    private static T Json<T>(string json)
        where T : new() => JsonSerializer.Deserialize<T>(json) ?? new T();

    internal sealed class JobRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public string Slug { get; init; } = "";

        public string Title { get; init; } = "";

        public string Status { get; init; } = "";

        public Guid KitId { get; init; }

        public Guid KitVersionId { get; init; }

        public int KitVersion { get; init; }

        public int TargetLevel { get; init; }

        public string? Specialisation { get; init; }

        public string? LoopTemplate { get; init; }

        public string Intake { get; init; } = "{}";

        public string Weights { get; init; } = "{}";

        public string Location { get; init; } = "";

        public string? LocationCode { get; init; }

        public bool Remote { get; init; }

        public string EmploymentType { get; init; } = "";

        public string? CompRegion { get; init; }

        public string StackPrimary { get; init; } = "";

        public string StackDetails { get; init; } = "";

        public string Scale { get; init; } = "";

        public string Challenge { get; init; } = "";

        public string SuccessCriteria { get; init; } = "";

        public string Team { get; init; } = "";

        public string About { get; init; } = "";

        public int? PayMin { get; init; }

        public int? PayMax { get; init; }

        public string? PayCurrency { get; init; }

        public DateOnly? ValidThrough { get; init; }

        public DateTimeOffset? OpenedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Job ToJob() => new(
            Id, OrganizationId, Slug, Title, Status, KitId, KitVersionId, KitVersion, (Level)TargetLevel, Specialisation, LoopTemplate,
            Json<Dictionary<string, string>>(Intake), Json<Dictionary<string, int>>(Weights),
            new JobLocation(Location, LocationCode, Remote), EmploymentType, CompRegion,
            new JobDescription(About, StackPrimary, StackDetails, Scale, Challenge, SuccessCriteria, Team, PayMin is { } min && PayMax is { } max && PayCurrency is { } cur ? new PayRange(min, max, cur) : null),
            ValidThrough, OpenedAt, ClosedAt, CreatedAt, UpdatedAt);
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }

        public string Slug { get; init; } = "";

        public string Title { get; init; } = "";

        public string Status { get; init; } = "";

        public int TargetLevel { get; init; }

        public string Location { get; init; } = "";

        public DateTimeOffset UpdatedAt { get; init; }

        public long Applications { get; init; }
    }

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = "";

        public string Name { get; init; } = "";

        public int DurationMinutes { get; init; }

        public string Focus { get; init; } = "[]";

        public string Traits { get; init; } = "[]";

        public string Questions { get; init; } = "[]";

        public string? Exercise { get; init; }

        public bool WrittenScreen { get; init; }
    }

    private sealed class InterviewerRow
    {
        public Guid StageId { get; init; }

        public Guid UserId { get; init; }
    }

    private sealed class TeamRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public string Email { get; init; } = "";

        public string Role { get; init; } = "";
    }
}
