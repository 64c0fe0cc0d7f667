using Hirekit.Core.Accounts;
using Hirekit.Core.Candidates;
using Hirekit.Core.Kits;

namespace Hirekit.Data.Demo;

/// <summary>A generated member of the demo organisation.</summary>
internal sealed record PlannedUser(Guid Id, string Email, string Name, Role Role);

/// <summary>A loop stage of a planned job, with what interviews at that stage copy.</summary>
internal sealed class PlannedStage
{
    public required Guid Id { get; init; }

    /// <summary>The template job's stage this one copies (itself on template jobs).</summary>
    public required Guid SourceId { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required int DurationMinutes { get; init; }

    public required IReadOnlyList<string> Focus { get; init; }

    public required IReadOnlyList<string> Traits { get; init; }

    public required IReadOnlyList<string> Questions { get; init; }

    public required string FocusJson { get; init; }

    public required string TraitsJson { get; init; }

    public required string QuestionsJson { get; init; }

    /// <summary>The stage's default interviewers (indexes into the plan's users).</summary>
    public required int[] Interviewers { get; init; }
}

internal sealed class PlannedJob
{
    public Guid Id { get; set; }

    public required int Template { get; init; }

    public required string Title { get; init; }

    public required Level Level { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public required int HiringManager { get; init; }

    public required int Recruiter { get; init; }

    /// <summary>Who interviews for this job (indexes into the plan's users); all are on the job's team.</summary>
    public required int[] Pool { get; init; }

    public required int Applications { get; init; }

    public List<PlannedStage> Stages { get; } = [];
}

internal enum Outcome : byte
{
    Applied,
    Loop,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

internal struct PlannedApplication
{
    public Guid Id;
    public int Job;
    public int Candidate;
    public long Created;
    public long Updated;
    public Outcome Outcome;

    /// <summary>The loop stage of a <see cref="Outcome.Loop"/> application.</summary>
    public byte LoopIndex;

    /// <summary>How many loop stages had an interview (stages 0 .. Reached-1).</summary>
    public byte Reached;

    public byte Reason;
    public byte Source;
}

internal struct PlannedInterview
{
    public Guid Id;
    public int Application;
    public byte Stage;
    public long Starts;
    public long Created;
    public bool Cancelled;

    /// <summary>How many interviewers (1 to 3) sit on the panel.</summary>
    public byte Panel;

    /// <summary>Bit p set: the scorecard of panel member p is submitted.</summary>
    public byte Submitted;

    public int Interviewer0;
    public int Interviewer1;
    public int Interviewer2;
    public Guid Scorecard0;
    public Guid Scorecard1;
    public Guid Scorecard2;

    public readonly int InterviewerAt(int p) => p switch { 0 => Interviewer0, 1 => Interviewer1, _ => Interviewer2 };

    public readonly Guid ScorecardAt(int p) => p switch { 0 => Scorecard0, 1 => Scorecard1, _ => Scorecard2 };

    public readonly bool IsSubmitted(int p) => (Submitted & (1 << p)) != 0;
}

/// <summary>
/// The generated organisation, held in compact arrays before anything is written: who works
/// there, the jobs, candidates, applications (with the stage each reached), interviews with
/// their panels and which scorecards are submitted. Sizes follow <see cref="DemoScale"/>;
/// the same seed gives the same names, stages and panels (ids and dates follow the clock).
/// </summary>
internal sealed class DemoPlan
{
    public static readonly string[] Sources = ["careers", "careers", "careers", "referral", "sourced", "sourced", "agency", "event", "import"];

    public static readonly string[] RejectReasonsAfterScreen = ["skills_gap", "level_mismatch", "unresponsive", "position_filled"];

    public static readonly string[] RejectReasonsAfterInterviews = ["interview_evidence", "interview_evidence", "level_mismatch", "position_filled", "candidate_declined", "other"];

    private static readonly string[] JobTitles =
    [
        "Backend Engineer", "Senior Backend Engineer", "Backend Developer", "Platform Engineer", "API Engineer", "Senior Platform Engineer",
        "Backend Engineer, Payments", "Backend Engineer, Search", "Data Platform Engineer", "Staff Backend Engineer", "Backend Developer (Go)",
        "Backend Developer (Java)", "Integration Engineer", "Site Reliability Engineer", "Backend Engineer, Identity", "Backend Engineer, Billing",
    ];

    private static readonly string[] Locations = ["Berlin", "Lisbon", "Amsterdam", "London", "Remote (EU)", "Warsaw", "Madrid", "Toronto", "New York", "Remote (US)"];

    public required DemoScale Scale { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required Random Random { get; init; }

    public List<PlannedUser> Users { get; } = [];

    public int Admin { get; private set; }

    public int[] Recruiters { get; private set; } = [];

    public int[] HiringManagers { get; private set; } = [];

    public int[] Interviewers { get; private set; } = [];

    public List<PlannedJob> Jobs { get; } = [];

    public Guid[] CandidateIds { get; private set; } = [];

    public long[] CandidateCreated { get; private set; } = [];

    /// <summary>Each candidate's first and last name (indexes into <see cref="DemoText"/>'s pools).</summary>
    public (short First, short Last)[] CandidateNames { get; private set; } = [];

    public PlannedApplication[] Applications { get; private set; } = [];

    public PlannedInterview[] Interviews { get; private set; } = [];

    public static DemoPlan Create(DemoScale scale, DateTimeOffset now, int seed, string organizationSlug)
    {
        var plan = new DemoPlan { Scale = scale, Now = now, Random = new Random(seed) };
        plan.PlanPeople(organizationSlug);
        plan.PlanJobs();
        return plan;
    }

    public const int TemplateJobs = 4;

    public static string LocationOf(int job) => Locations[job % Locations.Length];

    private void PlanPeople(string slug)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        int Add(Role role)
        {
            var first = Random.Next(DemoText.FirstNames.Length);
            var last = Random.Next(DemoText.LastNames.Length);
            var local = $"{DemoText.FirstNames[first].ToLowerInvariant()}.{DemoText.LastNames[last].ToLowerInvariant()}";
            var email = $"{local}@{slug}.example";
            for (var n = 2; !taken.Add(email); n++)
            {
                email = $"{local}{n}@{slug}.example";
            }

            Users.Add(new PlannedUser(Guid.CreateVersion7(Now), email, DemoText.Name(first, last), role));
            return Users.Count - 1;
        }

        Admin = Add(Role.Admin);
        Recruiters = Enumerable.Range(0, Math.Clamp(Scale.Jobs / 40, 2, 20)).Select(_ => Add(Role.Recruiter)).ToArray();
        HiringManagers = Enumerable.Range(0, Math.Clamp(Scale.Jobs / 8, 2, 60)).Select(_ => Add(Role.HiringManager)).ToArray();
        Interviewers = Enumerable.Range(0, Scale.Interviewers).Select(_ => Add(Role.Interviewer)).ToArray();
    }

    private void PlanJobs()
    {
        var sizes = Scale.ApplicationsPerJob();
        for (var j = 0; j < Scale.Jobs; j++)
        {
            var fixedSize = j < Scale.JobSizes.Count;
            var created = fixedSize ? Now.AddDays(-430 + Random.Next(20)) : Now.AddDays(-Random.Next(30, 400)).AddMinutes(-Random.Next(1440));
            var roll = Random.Next(100);
            var status = fixedSize || j < TemplateJobs || roll < 85 ? "open" : roll < 93 ? "paused" : "closed";
            var poolSize = Math.Min(Interviewers.Length, Math.Clamp(sizes[j] / 400, 4, 40));
            var template = j % Math.Min(TemplateJobs, Scale.Jobs);
            Jobs.Add(new PlannedJob
            {
                Template = template,
                Title = j < TemplateJobs ? TemplateTitle(template) : JobTitles[Random.Next(JobTitles.Length)],
                Level = TemplateLevel(template),
                Status = status,
                CreatedAt = created,
                OpenedAt = created.AddDays(2),
                ClosedAt = status == "closed" ? Now.AddDays(-Random.Next(1, 25)) : null,
                HiringManager = HiringManagers[Random.Next(HiringManagers.Length)],
                Recruiter = Recruiters[Random.Next(Recruiters.Length)],
                Pool = Sample(Interviewers, poolSize),
                Applications = sizes[j],
            });
        }
    }

    public static string TemplateTitle(int template) => template switch
    {
        0 => "Senior Backend Engineer",
        1 => "Backend Developer",
        2 => "Staff Backend Engineer",
        _ => "Junior Backend Developer",
    };

    public static Level TemplateLevel(int template) => template switch
    {
        0 => Level.Senior,
        1 => Level.Mid,
        2 => Level.Principal,
        _ => Level.Junior,
    };

    /// <summary>Role-intake answers of the template jobs, one shape of backend role each.</summary>
    public static Dictionary<string, string> TemplateIntake(int template) => template switch
    {
        0 => new()
        {
            ["primary-stack"] = "Go 1.23 with PostgreSQL 16",
            ["distributed-or-monolith"] = "distributed",
            ["database-workload"] = "write-heavy",
            ["api-ownership"] = "owns-contract",
            ["deployment-model"] = "kubernetes",
            ["greenfield-or-legacy"] = "legacy",
            ["expected-seniority"] = "system-designer",
        },
        1 => new()
        {
            ["primary-stack"] = "Java 21, Spring Boot, MySQL 8",
            ["distributed-or-monolith"] = "monolith",
            ["database-workload"] = "read-heavy-product",
            ["api-ownership"] = "implements-contract",
            ["deployment-model"] = "managed-containers",
            ["greenfield-or-legacy"] = "mixed",
            ["expected-seniority"] = "feature-developer",
        },
        2 => new()
        {
            ["primary-stack"] = "Kotlin on the JVM, PostgreSQL, Kafka",
            ["distributed-or-monolith"] = "migrating",
            ["database-workload"] = "read-heavy-latency",
            ["api-ownership"] = "owns-contract",
            ["deployment-model"] = "platform-team",
            ["greenfield-or-legacy"] = "legacy",
            ["expected-seniority"] = "decision-maker",
        },
        _ => new()
        {
            ["primary-stack"] = "TypeScript on Node.js 22, PostgreSQL",
            ["distributed-or-monolith"] = "monolith",
            ["database-workload"] = "read-heavy-product",
            ["api-ownership"] = "implements-contract",
            ["deployment-model"] = "serverless",
            ["greenfield-or-legacy"] = "greenfield",
            ["expected-seniority"] = "feature-developer",
        },
    };

    /// <summary>Candidates, their applications with the stage each reached, and the creation order of both (ids follow time).</summary>
    public void PlanCandidatesAndApplications()
    {
        var candidates = Scale.Candidates;
        var first = new long[candidates];
        Array.Fill(first, long.MaxValue);
        var applications = new PlannedApplication[Jobs.Sum(j => j.Applications)];
        var order = Enumerable.Range(0, candidates).ToArray();
        var a = 0;
        var now = Now.UtcTicks;
        for (var j = 0; j < Jobs.Count; j++)
        {
            var job = Jobs[j];
            var from = job.CreatedAt.AddDays(1).UtcTicks;
            var until = (job.ClosedAt ?? Now.AddHours(-2)).UtcTicks;
            for (var i = 0; i < job.Applications; i++)
            {
                // A partial Fisher-Yates shuffle: the job's applicants are distinct candidates.
                var pick = i + Random.Next(candidates - i);
                (order[i], order[pick]) = (order[pick], order[i]);
                var candidate = order[i];
                var created = from + (long)(Random.NextDouble() * Math.Max(1, until - from));
                first[candidate] = Math.Min(first[candidate], created);
                applications[a++] = PlanApplication(j, candidate, created, now);
            }
        }

        // A candidate appears shortly before their first application (or at some point in the past year).
        CandidateCreated = new long[candidates];
        for (var c = 0; c < candidates; c++)
        {
            CandidateCreated[c] = first[c] == long.MaxValue
                ? Now.AddDays(-Random.Next(1, 365)).UtcTicks
                : first[c] - TimeSpan.FromMinutes(Random.Next(5, 3 * 1440)).Ticks;
        }

        // Candidates are renumbered in creation order so that their UUIDv7 ids sort by time.
        var byTime = Enumerable.Range(0, candidates).OrderBy(c => CandidateCreated[c]).ToArray();
        var rank = new int[candidates];
        for (var r = 0; r < candidates; r++)
        {
            rank[byTime[r]] = r;
        }

        CandidateCreated = byTime.Select(c => CandidateCreated[c]).ToArray();
        CandidateIds = CandidateCreated.Select(t => Guid.CreateVersion7(new DateTimeOffset(t, TimeSpan.Zero))).ToArray();
        CandidateNames = CandidateIds.Select(_ => ((short)Random.Next(DemoText.FirstNames.Length), (short)Random.Next(DemoText.LastNames.Length))).ToArray();
        for (var i = 0; i < applications.Length; i++)
        {
            applications[i].Candidate = rank[applications[i].Candidate];
        }

        Array.Sort(applications, (x, y) => x.Created.CompareTo(y.Created));
        for (var i = 0; i < applications.Length; i++)
        {
            applications[i].Id = Guid.CreateVersion7(new DateTimeOffset(applications[i].Created, TimeSpan.Zero));
        }

        Applications = applications;
    }

    private PlannedApplication PlanApplication(int job, int candidate, long created, long now)
    {
        var stages = Jobs[job].Stages.Count;
        var closed = Jobs[job].Status == "closed";
        var roll = Random.Next(100);
        var outcome = closed
            ? roll < 80 ? Outcome.Rejected : roll < 95 ? Outcome.Withdrawn : Outcome.Hired
            : roll < 28 ? Outcome.Applied : roll < 68 ? Outcome.Loop : roll < 71 ? Outcome.Offer : roll < 75 ? Outcome.Hired : roll < 95 ? Outcome.Rejected : Outcome.Withdrawn;
        if (stages == 0 && outcome == Outcome.Loop)
        {
            outcome = Outcome.Applied;
        }

        byte loopIndex = 0, reached = 0, reason = 0;
        switch (outcome)
        {
            case Outcome.Loop:
                // Fewer applications reach later stages: stage k has weight (stages - k).
                var ticket = Random.Next(stages * (stages + 1) / 2);
                var k = 0;
                for (var weight = stages; ticket >= weight; weight--)
                {
                    ticket -= weight;
                    k++;
                }

                loopIndex = (byte)k;
                reached = (byte)(k + 1);
                break;
            case Outcome.Offer or Outcome.Hired:
                reached = (byte)stages;
                break;
            case Outcome.Rejected or Outcome.Withdrawn:
                reached = (byte)Random.Next(stages + 1);
                reason = (byte)Random.Next(reached == 0 ? RejectReasonsAfterScreen.Length : RejectReasonsAfterInterviews.Length);
                break;
        }

        var ended = outcome is Outcome.Offer or Outcome.Hired or Outcome.Rejected or Outcome.Withdrawn;
        var updated = ended ? created + (long)(Random.NextDouble() * (now - created) * 0.9) + TimeSpan.TicksPerHour : created;
        return new PlannedApplication
        {
            Job = job,
            Candidate = candidate,
            Created = created,
            Updated = Math.Min(updated, now - TimeSpan.TicksPerMinute),
            Outcome = outcome,
            LoopIndex = loopIndex,
            Reached = reached,
            Reason = reason,
            Source = (byte)Random.Next(Sources.Length),
        };
    }

    /// <summary>
    /// Interviews for the stages each application reached: past ones with submitted scorecards,
    /// the current stage of an application in the loop upcoming or awaiting its scorecards, and
    /// some cancelled ones. Brought to <see cref="DemoScale.Interviews"/> by ending some rejected
    /// or withdrawn applications earlier (fewer) or by adding cancelled interviews (more); then
    /// panels grow or scorecards stay drafts until the ratings reach <see cref="DemoScale.Ratings"/>.
    /// </summary>
    public void PlanInterviews()
    {
        var apps = Applications;
        var natural = apps.Sum(x => (long)x.Reached);
        var target = (long)Scale.Interviews;
        var attempts = apps.Length * 4L;
        while (natural > target && attempts-- > 0 && apps.Length > 0)
        {
            ref var x = ref apps[Random.Next(apps.Length)];
            if (x.Reached > 0 && x.Outcome is not Outcome.Loop)
            {
                x.Reached--;
                natural--;
            }
        }

        attempts = apps.Length * 4L;
        while (natural > target && attempts-- > 0)
        {
            // Still too many: some applications in the loop had their earlier stages waived.
            ref var x = ref apps[Random.Next(apps.Length)];
            if (x.Outcome is Outcome.Loop && x.Reached > 1)
            {
                x.Reached--;
                natural--;
            }
        }

        var extra = (int)Math.Max(0, target - natural);
        var withInterviews = apps.Count(x => x.Reached > 0);
        if (withInterviews == 0)
        {
            extra = 0;
        }

        var interviews = new PlannedInterview[natural + extra];
        var n = 0;
        var now = Now.UtcTicks;
        for (var i = 0; i < apps.Length; i++)
        {
            var x = apps[i];
            var current = x.Outcome == Outcome.Loop ? x.LoopIndex : -1;
            var first = x.Outcome == Outcome.Loop ? x.LoopIndex - x.Reached + 1 : 0;
            var pastEnd = x.Outcome == Outcome.Loop ? Math.Max(x.Created + TimeSpan.TicksPerHour, now - TimeSpan.TicksPerDay) : x.Updated;
            var past = x.Outcome == Outcome.Loop ? x.Reached - 1 : x.Reached;
            for (var s = 0; s < x.Reached; s++)
            {
                var stage = first + s;
                long starts;
                var submitted = true;
                if (stage == current)
                {
                    var upcoming = Random.Next(2) == 0;
                    starts = upcoming ? now + Minutes(Random.Next(60, 14 * 1440)) : Math.Max(x.Created + Minutes(30), now - Minutes(Random.Next(60, 3 * 1440)));
                    submitted = false;
                }
                else
                {
                    starts = x.Created + ((pastEnd - x.Created) * (s + 1) / (past + 1));
                }

                interviews[n++] = NewInterview(i, (byte)stage, starts, x.Created, cancelled: false, submitted);
            }

            if (x.Outcome == Outcome.Loop)
            {
                // In the loop: moved to its stage after the previous interview.
                apps[i].Updated = Math.Max(x.Created, x.Reached > 1 ? interviews[n - 2].Starts + TimeSpan.TicksPerHour : x.Created + TimeSpan.TicksPerHour);
            }
        }

        for (var e = 0; e < extra; e++)
        {
            int i;
            do
            {
                i = Random.Next(apps.Length);
            }
            while (apps[i].Reached == 0);

            var x = apps[i];
            var first = x.Outcome == Outcome.Loop ? x.LoopIndex - x.Reached + 1 : 0;
            var stage = first + Random.Next(x.Reached);
            var starts = x.Created + (long)(Random.NextDouble() * Math.Max(TimeSpan.TicksPerHour, Math.Min(now, x.Updated + TimeSpan.TicksPerDay) - x.Created));
            interviews[n++] = NewInterview(i, (byte)stage, starts, x.Created, cancelled: true, submitted: false);
        }

        Array.Sort(interviews, (p, q) => p.Created.CompareTo(q.Created));
        Interviews = interviews;
        BalanceRatings();
        AssignIds();
    }

    private PlannedInterview NewInterview(int application, byte stage, long starts, long applied, bool cancelled, bool submitted)
    {
        starts -= starts % (15 * TimeSpan.TicksPerMinute);
        var created = Math.Max(applied + TimeSpan.TicksPerMinute, starts - Minutes(Random.Next(1440, 8 * 1440)));
        if (created >= starts)
        {
            created = starts - TimeSpan.TicksPerHour;
        }

        var pool = Jobs[Applications[application].Job].Pool;
        return new PlannedInterview
        {
            Application = application,
            Stage = stage,
            Starts = starts,
            Created = Math.Min(created, Now.UtcTicks - TimeSpan.TicksPerMinute),
            Cancelled = cancelled,
            Panel = 1,
            Submitted = (byte)(submitted ? 1 : 0),
            Interviewer0 = pool[Random.Next(pool.Length)],
        };
    }

    private IReadOnlyList<string> FocusOf(in PlannedInterview interview) =>
        Jobs[Applications[interview.Application].Job].Stages[interview.Stage].Focus;

    private void BalanceRatings()
    {
        var interviews = Interviews;
        var ratings = 0L;
        for (var i = 0; i < interviews.Length; i++)
        {
            ratings += interviews[i].Submitted != 0 ? FocusOf(interviews[i]).Count : 0;
        }

        var target = (long)Scale.Ratings;
        var attempts = interviews.Length == 0 ? 0 : interviews.Length * 8L;
        while (ratings < target && attempts-- > 0)
        {
            // A second or third interviewer on a past panel, each with a submitted scorecard.
            ref var x = ref interviews[Random.Next(interviews.Length)];
            var pool = Jobs[Applications[x.Application].Job].Pool;
            var focus = FocusOf(x).Count;
            if (x.Submitted == 0 || x.Panel >= Math.Min(3, pool.Length) || focus == 0 || ratings + focus > target + 3)
            {
                continue;
            }

            var member = pool[Random.Next(pool.Length)];
            if (member == x.Interviewer0 || member == x.Interviewer1)
            {
                continue;
            }

            if (x.Panel == 1)
            {
                x.Interviewer1 = member;
            }
            else
            {
                x.Interviewer2 = member;
            }

            x.Submitted |= (byte)(1 << x.Panel);
            x.Panel++;
            ratings += focus;
        }

        attempts = interviews.Length == 0 ? 0 : interviews.Length * 8L;
        while (ratings > target && attempts-- > 0)
        {
            // Too many: some interviewers have not written their scorecard yet.
            ref var x = ref interviews[Random.Next(interviews.Length)];
            var focus = FocusOf(x).Count;
            if (x.Submitted == 0 || focus == 0 || ratings - focus < target - 3)
            {
                continue;
            }

            var last = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)x.Submitted);
            x.Submitted &= (byte)~(1 << last);
            ratings -= focus;
        }

        PlannedRatings = ratings;
    }

    public long PlannedRatings { get; private set; }

    private void AssignIds()
    {
        for (var i = 0; i < Interviews.Length; i++)
        {
            ref var x = ref Interviews[i];
            var created = new DateTimeOffset(x.Created, TimeSpan.Zero);
            x.Id = Guid.CreateVersion7(created);
            x.Scorecard0 = Guid.CreateVersion7(created);
            x.Scorecard1 = x.Panel > 1 ? Guid.CreateVersion7(created) : Guid.Empty;
            x.Scorecard2 = x.Panel > 2 ? Guid.CreateVersion7(created) : Guid.Empty;
        }
    }

    public PlannedJob JobOf(in PlannedInterview interview) => Jobs[Applications[interview.Application].Job];

    public PlannedStage StageOf(in PlannedInterview interview) => JobOf(interview).Stages[interview.Stage];

    /// <summary>Samples <paramref name="count"/> distinct items.</summary>
    public int[] Sample(int[] items, int count)
    {
        var copy = (int[])items.Clone();
        for (var i = 0; i < count; i++)
        {
            var pick = i + Random.Next(copy.Length - i);
            (copy[i], copy[pick]) = (copy[pick], copy[i]);
        }

        return copy[..count];
    }

    public static string StageName(Outcome outcome) => outcome switch
    {
        Outcome.Applied => PipelineStages.Applied,
        Outcome.Loop => PipelineStages.Loop,
        Outcome.Offer => PipelineStages.Offer,
        Outcome.Hired => PipelineStages.Hired,
        Outcome.Rejected => PipelineStages.Rejected,
        _ => PipelineStages.Withdrawn,
    };

    private static long Minutes(int minutes) => minutes * TimeSpan.TicksPerMinute;
}
