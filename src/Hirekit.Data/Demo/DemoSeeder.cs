using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Core.Security;
using Hirekit.Data.Connections;
using Hirekit.Data.Dialects;

namespace Hirekit.Data.Demo;

/// <summary>
/// Fills one organisation with generated hiring data at a chosen scale, for demos and the
/// benchmarks in bench/. The organisation and the first jobs go through the product's own use
/// cases (organisation with its built-in kits, role intake, description, team, loop, opening);
/// everything else is written in one transaction through the engine's bulk path, keeping every
/// derived structure as the product keeps it: pipeline counts, the candidate full-text index
/// (its triggers fire as for any insert), job teams, question uses.
/// The organisation must not have jobs or candidates yet: a second seed into the same
/// organisation is refused rather than mixed with what is there.
/// </summary>
public sealed class DemoSeeder(
    IDbConnectionFactory db,
    IAccountStore accounts,
    IKitStore kits,
    IJobStore jobs,
    CreateOrganization createOrganization,
    CreateJob createJob,
    UpdateJobDescription describeJob,
    SaveJobTeam saveTeam,
    SaveJobLoop saveLoop,
    ChangeJobStatus changeStatus,
    TimeProvider time)
{
    public const string KitSlug = "backend-developer";

    public sealed record Request(string OrganizationName, DemoScale Scale, string Password, int RandomSeed = 11);

    /// <summary>One step of the seed: what it wrote and how long it took.</summary>
    public sealed record Phase(string Name, long Rows, TimeSpan Elapsed);

    public sealed record SeededJob(Guid Id, string Title, int Applications);

    public sealed record BenchInterview(Guid Id, IReadOnlyList<string> Focus, IReadOnlyList<string> Questions);

    /// <summary>An interviewer with scheduled interviews whose scorecard is still a draft (for scorecard benchmarks).</summary>
    public sealed record BenchInterviewer(string Email, IReadOnlyList<BenchInterview> Interviews);

    public sealed record Report(
        Organization Organization,
        DemoScale Scale,
        string AdminEmail,
        string RecruiterEmail,
        IReadOnlyList<SeededJob> LargestJobs,
        IReadOnlyList<BenchInterviewer> Interviewers,
        IReadOnlyList<string> CandidateNames,
        IReadOnlyDictionary<string, long> Rows,
        IReadOnlyList<Phase> Phases);

    private static readonly BulkColumn[] UserColumns =
    [
        new("id", BulkType.Id), new("email", BulkType.Text), new("display_name", BulkType.Text), new("password_hash", BulkType.Text),
        new("failed_sign_ins", BulkType.Integer), new("locked_until", BulkType.Instant), new("created_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] MembershipColumns =
    [
        new("organization_id", BulkType.Id), new("user_id", BulkType.Id), new("role", BulkType.Text), new("is_active", BulkType.Boolean), new("created_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] TeamColumns =
    [
        new("organization_id", BulkType.Id), new("job_id", BulkType.Id), new("user_id", BulkType.Id), new("role", BulkType.Text),
    ];

    private static readonly BulkColumn[] StageInterviewerColumns =
    [
        new("organization_id", BulkType.Id), new("stage_id", BulkType.Id), new("user_id", BulkType.Id),
    ];

    private static readonly BulkColumn[] CandidateColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("name", BulkType.Text), new("email", BulkType.Text), new("phone", BulkType.Text),
        new("links", BulkType.Text), new("source", BulkType.Text), new("resume_file_id", BulkType.Id), new("resume_text", BulkType.Text),
        new("consent_at", BulkType.Instant), new("merged_into_id", BulkType.Id), new("created_at", BulkType.Instant), new("updated_at", BulkType.Instant),
        new("search_id", BulkType.SearchKey),
    ];

    private static readonly BulkColumn[] ApplicationColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("job_id", BulkType.Id), new("candidate_id", BulkType.Id), new("stage", BulkType.Text),
        new("stage_id", BulkType.Id), new("source", BulkType.Text), new("resume_file_id", BulkType.Id), new("reject_reason", BulkType.Text),
        new("created_at", BulkType.Instant), new("updated_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] EventColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("application_id", BulkType.Id), new("kind", BulkType.Text),
        new("from_stage", BulkType.Text), new("from_stage_id", BulkType.Id), new("to_stage", BulkType.Text), new("to_stage_id", BulkType.Id),
        new("reason_code", BulkType.Text), new("note", BulkType.Text), new("actor_user_id", BulkType.Id), new("occurred_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] InterviewColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("application_id", BulkType.Id), new("job_id", BulkType.Id), new("stage_id", BulkType.Id),
        new("stage_name", BulkType.Text), new("stage_kind", BulkType.Text), new("kit_id", BulkType.Id), new("kit_version", BulkType.Integer),
        new("focus", BulkType.Text), new("traits", BulkType.Text), new("questions", BulkType.Text), new("starts_at", BulkType.Instant), new("ends_at", BulkType.Instant),
        new("duration_minutes", BulkType.Integer), new("location", BulkType.Text), new("video_url", BulkType.Text), new("status", BulkType.Text),
        new("sequence", BulkType.Integer), new("notify_candidate", BulkType.Boolean), new("organizer_id", BulkType.Id), new("cancel_reason", BulkType.Text),
        new("created_at", BulkType.Instant), new("updated_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] InterviewerColumns =
    [
        new("organization_id", BulkType.Id), new("interview_id", BulkType.Id), new("user_id", BulkType.Id),
    ];

    private static readonly BulkColumn[] ScorecardColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("interview_id", BulkType.Id), new("application_id", BulkType.Id),
        new("interviewer_id", BulkType.Id), new("status", BulkType.Text), new("recommendation", BulkType.Integer), new("summary", BulkType.Text),
        new("red_flags", BulkType.Text), new("red_flag_note", BulkType.Text), new("revision", BulkType.Integer), new("created_at", BulkType.Instant),
        new("updated_at", BulkType.Instant), new("submitted_at", BulkType.Instant), new("reminded_at", BulkType.Instant),
    ];

    private static readonly BulkColumn[] RatingColumns =
    [
        new("scorecard_id", BulkType.Id), new("organization_id", BulkType.Id), new("competency_id", BulkType.Text), new("level", BulkType.Integer),
        new("no_evidence", BulkType.Boolean), new("evidence", BulkType.Text),
    ];

    private static readonly BulkColumn[] QuestionUseColumns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("kit_id", BulkType.Id), new("question_key", BulkType.Text), new("used_at", BulkType.Instant),
    ];

    private static readonly string[] CancelReasons =
    [
        "The candidate asked to move the interview.",
        "The interviewer fell ill; a new slot was booked.",
        "Clashed with a team offsite.",
    ];

    public async Task<Result<Report>> HandleAsync(Request request, IProgress<Phase>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scale = request.Scale;
        if (scale.Problem() is { } problem)
        {
            return Error.Validation("scale", $"Cannot seed these sizes: {problem}.");
        }

        if (PasswordHasher.Weakness(request.Password) is { } weakness)
        {
            return Error.Validation("password", weakness);
        }

        var phases = new List<Phase>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        void Done(string name, long count)
        {
            var phase = new Phase(name, count, clock.Elapsed);
            phases.Add(phase);
            progress?.Report(phase);
            clock.Restart();
        }

        var organization = await accounts.FindOrganizationByNameAsync(request.OrganizationName.Trim(), ct);
        if (organization is null)
        {
            var created = await createOrganization.HandleAsync(new CreateOrganization.Request(request.OrganizationName), ct);
            if (!created.IsSuccess)
            {
                return created.Error!;
            }

            organization = created.Value;
        }
        else if (await HasDataAsync(organization.Id, ct))
        {
            return Error.Conflict("demo.organization_not_empty", $"'{organization.Name}' already has jobs or candidates; demo data goes into a new organisation (choose another --org).");
        }

        var kit = await kits.FindBySlugAsync(organization.Id, KitSlug, ct);
        if (kit?.LatestVersion is null)
        {
            return Error.NotFound("demo.kit_missing", $"The built-in '{KitSlug}' kit is not installed in '{organization.Name}'.");
        }

        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var plan = DemoPlan.Create(scale, now, request.RandomSeed, organization.Slug);
        await WriteMembersAsync(organization.Id, plan, PasswordHasher.Hash(request.Password), now, ct);
        rows["users"] = plan.Users.Count;
        Done("members", plan.Users.Count);

        var admin = plan.Users[plan.Admin];
        var actor = new Actor(admin.Id, organization.Id, Role.Admin, admin.Name);
        var templates = await CreateTemplateJobsAsync(actor, kit.Id, plan, ct);
        if (!templates.IsSuccess)
        {
            return templates.Error!;
        }

        Done("template jobs (use cases)", templates.Value);

        PlanCopies(plan);
        plan.PlanCandidatesAndApplications();
        plan.PlanInterviews();
        Done("plan", plan.Applications.Length + plan.Interviews.Length);

        await using (var connection = await db.OpenAsync(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var loader = db.Dialect.BulkLoader(connection, transaction);
            var writer = new Writer(connection, transaction, loader, organization.Id, kit.Id, kit.LatestVersion.Value, plan, ct);
            rows["jobs"] = await writer.JobsAsync();
            Done("jobs, loops and teams", rows["jobs"]);
            rows["candidates"] = await writer.CandidatesAsync();
            Done("candidates (with full-text index)", rows["candidates"]);
            rows["applications"] = await writer.ApplicationsAsync();
            Done("applications", rows["applications"]);
            rows["application_events"] = await writer.EventsAsync();
            Done("application history", rows["application_events"]);
            rows["pipeline_counts"] = await writer.PipelineCountsAsync();
            Done("pipeline counts", rows["pipeline_counts"]);
            rows["interviews"] = await writer.InterviewsAsync();
            Done("interviews", rows["interviews"]);
            rows["interview_interviewers"] = await writer.InterviewersAsync();
            Done("interview panels", rows["interview_interviewers"]);
            rows["scorecards"] = await writer.ScorecardsAsync();
            Done("scorecards", rows["scorecards"]);
            rows["scorecard_ratings"] = await writer.RatingsAsync();
            Done("ratings", rows["scorecard_ratings"]);
            rows["submitted_scorecards"] = await writer.SubmitAsync();
            Done("submit scorecards", rows["submitted_scorecards"]);
            rows["kit_question_uses"] = await writer.QuestionUsesAsync();
            Done("question uses", rows["kit_question_uses"]);
            await transaction.CommitAsync(ct);
            Done("commit", 0);
            await loader.AfterLoadAsync(ct);
            Done("engine upkeep (checkpoint / vacuum analyze)", 0);
        }

        return new Report(
            organization,
            scale,
            admin.Email,
            plan.Users[plan.Recruiters[0]].Email,
            plan.Jobs.Take(Math.Max(3, scale.JobSizes.Count)).Select(j => new SeededJob(j.Id, j.Title, j.Applications)).ToList(),
            BenchInterviewers(plan),
            Enumerable.Range(0, Math.Min(20, plan.CandidateIds.Length)).Select(i => CandidateName(plan, i)).ToList(),
            rows,
            phases);
    }

    private async Task<bool> HasDataAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT 1 WHERE EXISTS (SELECT 1 FROM jobs WHERE organization_id = @OrganizationId)
                        OR EXISTS (SELECT 1 FROM candidates WHERE organization_id = @OrganizationId)
            """,
            new { OrganizationId = organizationId },
            cancellationToken: ct)) is not null;
    }

    private async Task WriteMembersAsync(Guid organizationId, DemoPlan plan, string passwordHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var loader = db.Dialect.BulkLoader(connection, transaction);
        var users = plan.Users;
        await loader.WriteAsync("users", UserColumns, users.Count, (i, row) =>
        {
            row.Id(users[i].Id);
            row.Text(users[i].Email);
            row.Text(users[i].Name);
            row.Text(passwordHash);
            row.Integer(0);
            row.Instant(null);
            row.Instant(now);
        }, ct);
        await loader.WriteAsync("memberships", MembershipColumns, users.Count, (i, row) =>
        {
            row.Id(organizationId);
            row.Id(users[i].Id);
            row.Text(users[i].Role.Code());
            row.Boolean(true);
            row.Instant(now);
        }, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The first jobs, through the same use cases as the job pages: intake, description, team, loop with stage interviewers, opening.</summary>
    private async Task<Result<int>> CreateTemplateJobsAsync(Actor actor, Guid kitId, DemoPlan plan, CancellationToken ct)
    {
        var count = Math.Min(DemoPlan.TemplateJobs, plan.Jobs.Count);
        var userIndex = plan.Users.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        for (var t = 0; t < count; t++)
        {
            var job = plan.Jobs[t];
            var created = await createJob.HandleAsync(
                actor,
                new CreateJob.Request(kitId, null, job.Title, job.Level, DemoPlan.TemplateIntake(t), DemoPlan.LocationOf(t), null, t % 2 == 0, "FULL_TIME", null),
                ct);
            if (!created.IsSuccess)
            {
                return created.Error!;
            }

            job.Id = created.Value.Job.Id;
            var description = await describeJob.HandleAsync(actor, job.Id, Describe(job, DemoPlan.LocationOf(t), t % 2 == 0, DemoPlan.TemplateIntake(t)["primary-stack"]), ct);
            var team = await saveTeam.HandleAsync(
                actor,
                job.Id,
                new SaveJobTeam.Request([plan.Users[job.HiringManager].Id], [plan.Users[job.Recruiter].Id], job.Pool.Select(p => plan.Users[p].Id).ToList()),
                ct);
            var stages = created.Value.Loop.Select(s => new SaveJobLoop.StageRequest(
                s.Id, s.Kind, s.Name, s.DurationMinutes, s.Focus, s.Traits, s.Questions, s.Exercise, s.WrittenScreen,
                plan.Sample(job.Pool, Math.Min(2, job.Pool.Length)).Select(p => plan.Users[p].Id).ToList())).ToList();
            var loop = await saveLoop.HandleAsync(actor, job.Id, stages, ct);
            var opened = await changeStatus.HandleAsync(actor, job.Id, JobStatuses.Open, ct);
            if ((description.IsSuccess ? team.IsSuccess ? loop.IsSuccess ? opened.Error : loop.Error : team.Error : description.Error) is { } refused)
            {
                return refused;
            }

            foreach (var stage in await jobs.GetLoopAsync(actor.OrganizationId, job.Id, ct))
            {
                job.Stages.Add(Stage(stage.Id, stage.Id, stage, stage.Interviewers.Select(u => userIndex[u]).ToArray()));
            }
        }

        return count;
    }

    private static UpdateJobDescription.Request Describe(PlannedJob job, string location, bool remote, string stack) => new(
        job.Title,
        location,
        null,
        remote,
        "FULL_TIME",
        null,
        null,
        "We run the booking and payments platform for about 4,000 independent venues.",
        stack,
        "Events flow through Kafka; Redis holds idempotency keys; everything runs on Kubernetes with OpenTelemetry tracing.",
        "25 million bookings a year, 1,800 requests per second at peak, p99 under 150 ms.",
        "Split the reporting reads from the booking write path without a maintenance window.",
        "By month 6 you own one service end to end, including its on-call and its dashboards.",
        "Six backend engineers, a product manager and a designer, spread over two time zones.",
        new PayRange(70_000, 95_000, "EUR"));

    /// <summary>The other jobs copy a template job's loop with new stage ids and their own interviewers.</summary>
    private static void PlanCopies(DemoPlan plan)
    {
        for (var j = DemoPlan.TemplateJobs; j < plan.Jobs.Count; j++)
        {
            var job = plan.Jobs[j];
            job.Id = Guid.CreateVersion7(job.CreatedAt);
            foreach (var source in plan.Jobs[job.Template].Stages)
            {
                var interviewers = plan.Sample(job.Pool, Math.Min(2, job.Pool.Length));
                job.Stages.Add(new PlannedStage
                {
                    Id = Guid.CreateVersion7(job.CreatedAt),
                    SourceId = source.Id,
                    Kind = source.Kind,
                    Name = source.Name,
                    DurationMinutes = source.DurationMinutes,
                    Focus = source.Focus,
                    Traits = source.Traits,
                    Questions = source.Questions,
                    FocusJson = source.FocusJson,
                    TraitsJson = source.TraitsJson,
                    QuestionsJson = source.QuestionsJson,
                    Interviewers = interviewers,
                });
            }
        }
    }

    private static PlannedStage Stage(Guid id, Guid sourceId, LoopStage stage, int[] interviewers) => new()
    {
        Id = id,
        SourceId = sourceId,
        Kind = stage.Kind,
        Name = stage.Name,
        DurationMinutes = stage.DurationMinutes,
        Focus = stage.Focus,
        Traits = stage.Traits,
        Questions = stage.Questions,
        FocusJson = JsonSerializer.Serialize(stage.Focus),
        TraitsJson = JsonSerializer.Serialize(stage.Traits),
        QuestionsJson = JsonSerializer.Serialize(stage.Questions),
        Interviewers = interviewers,
    };

    private static string CandidateName(DemoPlan plan, int index) => Writer.CandidatePerson(plan, index).Name;

    /// <summary>Interviewers of the largest job with the most scheduled interviews awaiting their scorecard.</summary>
    private static List<BenchInterviewer> BenchInterviewers(DemoPlan plan)
    {
        var open = new Dictionary<int, List<BenchInterview>>();
        foreach (var x in plan.Interviews)
        {
            if (x.Cancelled || x.Submitted != 0 || plan.Applications[x.Application].Job != 0)
            {
                continue;
            }

            var stage = plan.StageOf(x);
            for (var p = 0; p < x.Panel; p++)
            {
                var list = open.TryGetValue(x.InterviewerAt(p), out var found) ? found : open[x.InterviewerAt(p)] = [];
                if (list.Count < 400)
                {
                    list.Add(new BenchInterview(x.Id, stage.Focus, stage.Questions));
                }
            }
        }

        return open.OrderByDescending(o => o.Value.Count).ThenBy(o => o.Key).Take(32)
            .Select(o => new BenchInterviewer(plan.Users[o.Key].Email, o.Value)).ToList();
    }

    /// <summary>The bulk writes of one seed, table by table, in one transaction.</summary>
    private sealed class Writer(DbConnection connection, DbTransaction transaction, IBulkLoader loader, Guid organizationId, Guid kitId, int kitVersion, DemoPlan plan, CancellationToken ct)
    {
        private readonly Random _random = new(plan.Random.Next());

        public static (string Name, int First, int Last) CandidatePerson(DemoPlan plan, int index)
        {
            var (first, last) = plan.CandidateNames[index];
            return (DemoText.Name(first, last), first, last);
        }

        public async Task<long> JobsAsync()
        {
            var written = 0L;
            foreach (var job in plan.Jobs.Take(DemoPlan.TemplateJobs))
            {
                // Template jobs were created today; their history starts with the plan's dates.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE jobs SET created_at = @CreatedAt, opened_at = @OpenedAt, updated_at = @OpenedAt WHERE organization_id = @OrganizationId AND id = @Id",
                    new { OrganizationId = organizationId, job.Id, job.CreatedAt, job.OpenedAt },
                    transaction,
                    cancellationToken: ct));
                written++;
            }

            var copies = plan.Jobs.Skip(DemoPlan.TemplateJobs).ToList();
            var source = copies.Select(j => plan.Jobs[j.Template]).ToList();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO jobs (id, organization_id, slug, title, status, kit_id, kit_version_id, kit_version, target_level, specialisation, loop_template,
                                  intake, weights, location, location_code, remote, employment_type, comp_region, stack_primary, stack_details, scale,
                                  challenge, success_criteria, team, about, pay_min, pay_max, pay_currency, valid_through, opened_at, closed_at,
                                  created_by, created_at, updated_at)
                SELECT @Id, organization_id, @Slug, @Title, @Status, kit_id, kit_version_id, kit_version, target_level, specialisation, loop_template,
                       intake, weights, @Location, location_code, remote, employment_type, comp_region, stack_primary, stack_details, scale,
                       challenge, success_criteria, team, about, pay_min, pay_max, pay_currency, valid_through, @OpenedAt, @ClosedAt,
                       created_by, @CreatedAt, @UpdatedAt
                FROM jobs WHERE organization_id = @OrganizationId AND id = @Template
                """,
                copies.Select((j, i) => new
                {
                    OrganizationId = organizationId,
                    j.Id,
                    Slug = Slugs.From(j.Title, 50) + "-" + DemoText.Base36(plan.Jobs.IndexOf(j)),
                    j.Title,
                    j.Status,
                    Location = DemoPlan.LocationOf(plan.Jobs.IndexOf(j)),
                    j.OpenedAt,
                    j.ClosedAt,
                    j.CreatedAt,
                    UpdatedAt = j.ClosedAt ?? j.OpenedAt ?? j.CreatedAt,
                    Template = source[i].Id,
                }),
                transaction,
                cancellationToken: ct));
            written += copies.Count;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO job_loop_stages (id, organization_id, job_id, position, kind, name, duration_minutes, focus, traits, questions, exercise, written_screen)
                SELECT @Id, organization_id, @JobId, position, kind, name, duration_minutes, focus, traits, questions, exercise, written_screen
                FROM job_loop_stages WHERE organization_id = @OrganizationId AND id = @SourceId
                """,
                copies.SelectMany(j => j.Stages.Select(s => new { OrganizationId = organizationId, s.Id, JobId = j.Id, s.SourceId })),
                transaction,
                cancellationToken: ct));
            var stageInterviewers = copies.SelectMany(j => j.Stages.SelectMany(s => s.Interviewers.Select(u => (Stage: s.Id, User: plan.Users[u].Id)))).ToList();
            await loader.WriteAsync("job_stage_interviewers", StageInterviewerColumns, stageInterviewers.Count, (i, row) =>
            {
                row.Id(organizationId);
                row.Id(stageInterviewers[i].Stage);
                row.Id(stageInterviewers[i].User);
            }, ct);
            List<(Guid Job, int User, string Role)> team = [];
            foreach (var j in copies)
            {
                team.Add((j.Id, j.HiringManager, JobTeamRoles.HiringManager));
                team.Add((j.Id, j.Recruiter, JobTeamRoles.Recruiter));
                team.AddRange(j.Pool.Select(p => (j.Id, p, JobTeamRoles.Interviewer)));
            }

            await loader.WriteAsync("job_team", TeamColumns, team.Count, (i, row) =>
            {
                row.Id(organizationId);
                row.Id(team[i].Job);
                row.Id(plan.Users[team[i].User].Id);
                row.Text(team[i].Role);
            }, ct);
            return written;
        }

        public async Task<long> CandidatesAsync()
        {
            var next = await loader.NextSearchKeyAsync(ct);
            var ids = plan.CandidateIds;
            var created = plan.CandidateCreated;
            var firstSource = new byte[ids.Length];
            foreach (var a in plan.Applications)
            {
                firstSource[a.Candidate] = a.Source;
            }

            return await loader.WriteAsync("candidates", CandidateColumns, ids.Length, (i, row) =>
            {
                var (name, first, last) = CandidatePerson(plan, i);
                var at = new DateTimeOffset(created[i], TimeSpan.Zero);
                var source = DemoPlan.Sources[firstSource[i]];
                var handle = DemoText.Handle(first, last, i);
                row.Id(ids[i]);
                row.Id(organizationId);
                row.Text(name);
                row.Text(DemoText.CandidateEmail(first, last, i));
                row.Text(_random.Next(10) < 7 ? DemoText.Phone(_random) : null);
                row.Text(_random.Next(10) < 6 ? $"[\"https://git.example/{handle}\"]" : "[]");
                row.Text(source);
                row.Id(null);
                row.Text(DemoText.Resume(_random));
                row.Instant(source == "careers" ? at : null);
                row.Id(null);
                row.Instant(at);
                row.Instant(at);
                row.SearchKey(next + i);
            }, ct);
        }

        public Task<long> ApplicationsAsync()
        {
            var apps = plan.Applications;
            return loader.WriteAsync("applications", ApplicationColumns, apps.Length, (i, row) =>
            {
                ref readonly var a = ref apps[i];
                var job = plan.Jobs[a.Job];
                row.Id(a.Id);
                row.Id(organizationId);
                row.Id(job.Id);
                row.Id(plan.CandidateIds[a.Candidate]);
                row.Text(DemoPlan.StageName(a.Outcome));
                row.Id(a.Outcome == Outcome.Loop ? job.Stages[a.LoopIndex].Id : null);
                row.Text(DemoPlan.Sources[a.Source]);
                row.Id(null);
                row.Text(a.Outcome == Outcome.Rejected ? RejectReason(a) : null);
                row.Instant(new DateTimeOffset(a.Created, TimeSpan.Zero));
                row.Instant(new DateTimeOffset(a.Updated, TimeSpan.Zero));
            }, ct);
        }

        /// <summary>Each application's "applied" entry and, unless it is still at Applied, the move into its current stage.</summary>
        public Task<long> EventsAsync()
        {
            var apps = plan.Applications;
            var moved = apps.Count(a => a.Outcome != Outcome.Applied);
            var index = new int[apps.Length + moved];
            var second = new bool[index.Length];
            for (int i = 0, e = 0; i < apps.Length; i++)
            {
                index[e++] = i;
                if (apps[i].Outcome != Outcome.Applied)
                {
                    second[e] = true;
                    index[e++] = i;
                }
            }

            return loader.WriteAsync("application_events", EventColumns, index.Length, (e, row) =>
            {
                ref readonly var a = ref apps[index[e]];
                var job = plan.Jobs[a.Job];
                var recruiter = plan.Users[job.Recruiter].Id;
                if (!second[e])
                {
                    var at = new DateTimeOffset(a.Created, TimeSpan.Zero);
                    row.Id(Guid.CreateVersion7(at));
                    row.Id(organizationId);
                    row.Id(a.Id);
                    row.Text("applied");
                    row.Text(null);
                    row.Id(null);
                    row.Text("applied");
                    row.Id(null);
                    row.Text(null);
                    row.Text(DemoPlan.Sources[a.Source] == "careers" ? "Applied on the careers page" : "Added by a recruiter");
                    row.Id(DemoPlan.Sources[a.Source] == "careers" ? null : recruiter);
                    row.Instant(at);
                    return;
                }

                var (fromStage, fromId) = a.Outcome switch
                {
                    Outcome.Loop => a.LoopIndex == 0 ? ("applied", (Guid?)null) : ("loop", job.Stages[a.LoopIndex - 1].Id),
                    Outcome.Offer => job.Stages.Count == 0 ? ("applied", null) : ("loop", job.Stages[^1].Id),
                    Outcome.Hired => ("offer", null),
                    _ => a.Reached == 0 ? ("applied", null) : ("loop", job.Stages[a.Reached - 1].Id),
                };
                var updated = new DateTimeOffset(a.Updated, TimeSpan.Zero);
                row.Id(Guid.CreateVersion7(updated));
                row.Id(organizationId);
                row.Id(a.Id);
                row.Text(a.Outcome switch { Outcome.Rejected => "rejected", Outcome.Withdrawn => "withdrawn", _ => "moved" });
                row.Text(fromStage);
                row.Id(fromId);
                row.Text(DemoPlan.StageName(a.Outcome));
                row.Id(a.Outcome == Outcome.Loop ? job.Stages[a.LoopIndex].Id : null);
                row.Text(a.Outcome == Outcome.Rejected ? RejectReason(a) : null);
                row.Text(null);
                row.Id(recruiter);
                row.Instant(updated);
            }, ct);
        }

        /// <summary>The board's column counts, from the rows just written (the organisation had no applications before).</summary>
        public Task<int> PipelineCountsAsync() =>
            connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pipeline_counts (organization_id, job_id, stage, stage_key, count)
                SELECT organization_id, job_id, stage, CASE WHEN stage_id IS NULL THEN '' ELSE CAST(stage_id AS TEXT) END, COUNT(*)
                FROM applications WHERE organization_id = @OrganizationId
                GROUP BY organization_id, job_id, stage, stage_id
                """,
                new { OrganizationId = organizationId },
                transaction,
                commandTimeout: 600,
                cancellationToken: ct));

        public Task<long> InterviewsAsync()
        {
            var interviews = plan.Interviews;
            return loader.WriteAsync("interviews", InterviewColumns, interviews.Length, (i, row) =>
            {
                ref readonly var x = ref interviews[i];
                var job = plan.JobOf(x);
                var stage = job.Stages[x.Stage];
                var starts = new DateTimeOffset(x.Starts, TimeSpan.Zero);
                var created = new DateTimeOffset(x.Created, TimeSpan.Zero);
                var video = i % 4 != 0;
                row.Id(x.Id);
                row.Id(organizationId);
                row.Id(plan.Applications[x.Application].Id);
                row.Id(job.Id);
                row.Id(stage.Id);
                row.Text(stage.Name);
                row.Text(stage.Kind);
                row.Id(kitId);
                row.Integer(kitVersion);
                row.Text(stage.FocusJson);
                row.Text(stage.TraitsJson);
                row.Text(stage.QuestionsJson);
                row.Instant(starts);
                row.Instant(starts.AddMinutes(stage.DurationMinutes));
                row.Integer(stage.DurationMinutes);
                row.Text(video ? null : $"Meeting room {1 + (i % 9)}");
                row.Text(video ? $"https://meet.example/{x.Id:N}" : null);
                row.Text(x.Cancelled ? "cancelled" : "scheduled");
                row.Integer(x.Cancelled ? 1 : 0);
                row.Boolean(true);
                row.Id(plan.Users[job.Recruiter].Id);
                row.Text(x.Cancelled ? CancelReasons[i % CancelReasons.Length] : null);
                row.Instant(created);
                row.Instant(x.Cancelled ? created.AddHours(2) : created);
            }, ct);
        }

        public Task<long> InterviewersAsync()
        {
            var (interview, member) = Panels();
            return loader.WriteAsync("interview_interviewers", InterviewerColumns, interview.Length, (i, row) =>
            {
                ref readonly var x = ref plan.Interviews[interview[i]];
                row.Id(organizationId);
                row.Id(x.Id);
                row.Id(plan.Users[x.InterviewerAt(member[i])].Id);
            }, ct);
        }

        /// <summary>
        /// Every scorecard as a draft first (ratings cannot be added to a submitted one); those
        /// to be submitted already carry their recommendation and submission time as updated_at,
        /// and <see cref="SubmitAsync"/> locks them after their ratings are written.
        /// </summary>
        public Task<long> ScorecardsAsync()
        {
            var (interview, member) = Panels();
            var now = plan.Now;
            return loader.WriteAsync("scorecards", ScorecardColumns, interview.Length, (i, row) =>
            {
                ref readonly var x = ref plan.Interviews[interview[i]];
                var p = member[i];
                var created = new DateTimeOffset(x.Created, TimeSpan.Zero);
                var submitted = x.IsSubmitted(p);
                var ends = new DateTimeOffset(x.Starts, TimeSpan.Zero).AddMinutes(plan.StageOf(x).DurationMinutes);
                var submittedAt = ends.AddMinutes(_random.Next(20, 2 * 1440));
                submittedAt = submittedAt > now ? now.AddMinutes(-1) : submittedAt;
                // A running server would already have reminded the interviewer of a draft left
                // past the reminder delay; without this the first start would send a backlog of
                // tens of thousands of reminders.
                var remindAt = ends + Core.Scorecards.SendScorecardReminders.After;
                DateTimeOffset? remindedAt = !submitted && remindAt < now ? remindAt : null;
                row.Id(x.ScorecardAt(p));
                row.Id(organizationId);
                row.Id(x.Id);
                row.Id(plan.Applications[x.Application].Id);
                row.Id(plan.Users[x.InterviewerAt(p)].Id);
                row.Text("draft");
                row.Integer(submitted ? Recommendation(plan.Applications[x.Application].Outcome) : null);
                row.Text(submitted ? DemoText.Summary(_random) : "");
                row.Text("[]");
                row.Text("");
                row.Integer(submitted ? _random.Next(1, 4) : 0);
                row.Instant(created);
                row.Instant(submitted ? submittedAt : created);
                row.Instant(null);
                row.Instant(remindedAt);
            }, ct);
        }

        /// <summary>A level (or "no evidence") with evidence for every focus competency of each submitted scorecard.</summary>
        public Task<long> RatingsAsync()
        {
            var cards = new List<(int Interview, byte Member)>();
            var total = 0;
            for (var i = 0; i < plan.Interviews.Length; i++)
            {
                ref readonly var x = ref plan.Interviews[i];
                var focus = plan.StageOf(x).Focus.Count;
                for (var p = 0; p < x.Panel; p++)
                {
                    if (x.IsSubmitted(p) && focus > 0)
                    {
                        cards.Add((i, (byte)p));
                        total += focus;
                    }
                }
            }

            var card = 0;
            var competency = 0;
            return loader.WriteAsync("scorecard_ratings", RatingColumns, total, (_, row) =>
            {
                ref readonly var x = ref plan.Interviews[cards[card].Interview];
                var focus = plan.StageOf(x).Focus;
                var level = (int)plan.JobOf(x).Level + _random.Next(-1, 2);
                var none = _random.Next(20) == 0;
                row.Id(x.ScorecardAt(cards[card].Member));
                row.Id(organizationId);
                row.Text(focus[competency]);
                row.Integer(none ? null : Math.Clamp(level, 1, 4));
                row.Boolean(none);
                row.Text(none ? "The interview did not reach this area." : DemoText.Evidence(_random));
                if (++competency == focus.Count)
                {
                    competency = 0;
                    card++;
                }
            }, ct);
        }

        public async Task<long> SubmitAsync() =>
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE scorecards SET status = 'submitted', submitted_at = updated_at WHERE organization_id = @OrganizationId AND status = 'draft' AND recommendation IS NOT NULL",
                new { OrganizationId = organizationId },
                transaction,
                commandTimeout: 600,
                cancellationToken: ct));

        /// <summary>A use of each planned question per interview, as scheduling records them.</summary>
        public Task<long> QuestionUsesAsync()
        {
            var total = plan.Interviews.Sum(x => (long)plan.StageOf(x).Questions.Count);
            var interview = 0;
            var question = 0;
            return loader.WriteAsync("kit_question_uses", QuestionUseColumns, (int)total, (_, row) =>
            {
                while (plan.StageOf(plan.Interviews[interview]).Questions.Count == 0)
                {
                    interview++;
                }

                ref readonly var x = ref plan.Interviews[interview];
                var questions = plan.StageOf(x).Questions;
                var at = new DateTimeOffset(x.Created, TimeSpan.Zero);
                row.Id(Guid.CreateVersion7(at));
                row.Id(organizationId);
                row.Id(kitId);
                row.Text(questions[question]);
                row.Instant(at);
                if (++question == questions.Count)
                {
                    question = 0;
                    interview++;
                }
            }, ct);
        }

        private (int[] Interview, byte[] Member) Panels()
        {
            var total = plan.Interviews.Sum(x => x.Panel);
            var interview = new int[total];
            var member = new byte[total];
            var n = 0;
            for (var i = 0; i < plan.Interviews.Length; i++)
            {
                for (var p = 0; p < plan.Interviews[i].Panel; p++)
                {
                    interview[n] = i;
                    member[n++] = (byte)p;
                }
            }

            return (interview, member);
        }

        private static string RejectReason(in PlannedApplication a) =>
            a.Reached == 0 ? DemoPlan.RejectReasonsAfterScreen[a.Reason % DemoPlan.RejectReasonsAfterScreen.Length] : DemoPlan.RejectReasonsAfterInterviews[a.Reason % DemoPlan.RejectReasonsAfterInterviews.Length];

        private int Recommendation(Outcome outcome) => outcome switch
        {
            Outcome.Hired or Outcome.Offer => _random.Next(3, 5),
            Outcome.Rejected => _random.Next(1, 3),
            _ => _random.Next(1, 5),
        };
    }
}
