using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

public sealed record LoopView(JobContext Context, IReadOnlyList<LoopStage> Stages, CoverageReport Coverage);

public sealed class GetJobLoop(IJobStore jobs, JobAccess access)
{
    public async Task<Result<LoopView>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, jobId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var stages = await jobs.GetLoopAsync(actor.OrganizationId, jobId, ct);
        return new LoopView(context.Value, stages, LoopCoverage.Check(context.Value.Kit, context.Value.Job.Weights, stages));
    }
}

/// <summary>
/// Replaces a job's interview loop. Everything a stage names must exist in the job's kit version
/// (competencies, traits, questions, exercise) and retired questions are not offered for new
/// loops; interviewers must be active members, and they join the job's team. Answers with the
/// coverage findings, which inform rather than block.
/// </summary>
public sealed class SaveJobLoop(IJobStore jobs, IAccountStore accounts, IQuestionBankStore bank, JobAccess access, TimeProvider time)
{
    public const int MaxStages = 20;

    /// <param name="Id">An existing stage's id to keep it (and the applications in it); null for a new stage.</param>
    public sealed record StageRequest(
        Guid? Id,
        string Kind,
        string Name,
        int DurationMinutes,
        IReadOnlyList<string>? Focus,
        IReadOnlyList<string>? Traits,
        IReadOnlyList<string>? Questions,
        string? Exercise,
        bool WrittenScreen,
        IReadOnlyList<Guid>? Interviewers);

    public async Task<Result<LoopView>> HandleAsync(Actor actor, Guid jobId, IReadOnlyList<StageRequest> stages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var context = await access.EditableAsync(actor, jobId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var kit = context.Value.Kit;
        var existing = (await jobs.GetLoopAsync(actor.OrganizationId, jobId, ct)).Select(s => s.Id).ToHashSet();
        var members = (await accounts.ListMembersAsync(actor.OrganizationId, ct)).Where(m => m.IsActive).Select(m => m.UserId).ToHashSet();
        var retired = await bank.ListRetiredAsync(actor.OrganizationId, context.Value.Job.KitId, ct);
        var fields = new Dictionary<string, string[]>();
        if (stages.Count is 0 or > MaxStages)
        {
            fields["stages"] = [$"A loop has 1 to {MaxStages} stages."];
        }

        var loop = new List<LoopStage>();
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            var problems = new List<string>();
            if (!Vocabulary.StageKinds.Contains(s.Kind))
            {
                problems.Add($"kind must be one of {string.Join(", ", Vocabulary.StageKinds)}");
            }

            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > 120)
            {
                problems.Add("name needs 1 to 120 characters");
            }

            if (s.DurationMinutes is < 5 or > 480)
            {
                problems.Add("duration must be 5 to 480 minutes");
            }

            if (s.Id is { } id && !existing.Contains(id))
            {
                problems.Add("id is not a stage of this job; leave it out for a new stage");
            }

            problems.AddRange((s.Focus ?? []).Where(c => kit.FindCompetency(c) is null).Select(c => $"unknown competency '{c}'"));
            problems.AddRange((s.Traits ?? []).Where(t => kit.FindTrait(t) is null).Select(t => $"unknown trait '{t}'"));
            problems.AddRange((s.Questions ?? []).Where(q => kit.FindQuestion(q) is null).Select(q => $"unknown question '{q}'"));
            problems.AddRange((s.Questions ?? []).Where(retired.Contains).Select(q => $"question '{q}' is retired and not offered for new loops"));
            if (s.Exercise is { } exercise && kit.Exercises.All(e => e.Id != exercise))
            {
                problems.Add($"unknown exercise '{exercise}'");
            }

            problems.AddRange((s.Interviewers ?? []).Where(u => !members.Contains(u)).Select(u => $"interviewer {u} is not an active member"));
            if (problems.Count > 0)
            {
                fields[$"stages[{i}]"] = [.. problems];
                continue;
            }

            loop.Add(new LoopStage(
                s.Id ?? Ids.New(), s.Kind, s.Name.Trim(), s.DurationMinutes,
                Distinct(s.Focus), Distinct(s.Traits), Distinct(s.Questions), s.Exercise, s.WrittenScreen, (s.Interviewers ?? []).Distinct().ToList()));
        }

        if (fields.Count > 0)
        {
            return Error.Validation("loop.invalid", "Some stages need attention.", fields);
        }

        var now = time.GetUtcNow();
        var outcome = await jobs.SaveLoopAsync(actor.OrganizationId, jobId, loop, AuditEntry.For(actor, "job.loop_saved", "job", jobId, now, $"{loop.Count} stages"), ct);
        if (outcome == LoopSaveOutcome.StageInUse)
        {
            return Error.Conflict("loop.stage_in_use", "A stage you removed still has candidates in it. Move them first, then remove the stage.");
        }

        return new LoopView(context.Value, loop, LoopCoverage.Check(kit, context.Value.Job.Weights, loop));
    }

    private static List<string> Distinct(IReadOnlyList<string>? items) => (items ?? []).Distinct(StringComparer.Ordinal).ToList();
}

public sealed class GetJobTeam(IJobStore jobs, JobAccess access)
{
    public async Task<Result<IReadOnlyList<JobTeamMember>>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, jobId, ct);
        return context.IsSuccess ? Result<IReadOnlyList<JobTeamMember>>.Success(await jobs.GetTeamAsync(actor.OrganizationId, jobId, ct)) : context.Error!;
    }
}

/// <summary>
/// Sets who works on a job. Hiring managers must be admins or hiring managers of the organisation,
/// recruiters admins or recruiters; anyone active may interview. Stage interviewers stay on the team.
/// </summary>
public sealed class SaveJobTeam(IJobStore jobs, IAccountStore accounts, JobAccess access, TimeProvider time)
{
    public sealed record Request(IReadOnlyList<Guid>? HiringManagers, IReadOnlyList<Guid>? Recruiters, IReadOnlyList<Guid>? Interviewers);

    public async Task<Result<IReadOnlyList<JobTeamMember>>> HandleAsync(Actor actor, Guid jobId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await access.EditableAsync(actor, jobId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var members = (await accounts.ListMembersAsync(actor.OrganizationId, ct)).Where(m => m.IsActive).ToDictionary(m => m.UserId);
        var fields = new Dictionary<string, string[]>();
        var team = new List<TeamAssignment>();
        void Add(string field, IReadOnlyList<Guid>? ids, string role, Func<Role, bool> allowed)
        {
            var problems = new List<string>();
            foreach (var id in (ids ?? []).Distinct())
            {
                if (!members.TryGetValue(id, out var member))
                {
                    problems.Add($"{id} is not an active member");
                }
                else if (!allowed(member.Role))
                {
                    problems.Add($"{member.DisplayName} is a {member.Role.Label()}, which cannot take this place");
                }
                else if (team.All(t => t.UserId != id))
                {
                    team.Add(new TeamAssignment(id, role));
                }
            }

            if (problems.Count > 0)
            {
                fields[field] = [.. problems];
            }
        }

        Add("hiringManagers", request.HiringManagers, JobTeamRoles.HiringManager, r => r is Role.Admin or Role.HiringManager);
        Add("recruiters", request.Recruiters, JobTeamRoles.Recruiter, r => r is Role.Admin or Role.Recruiter);
        Add("interviewers", request.Interviewers, JobTeamRoles.Interviewer, _ => true);
        if (fields.Count > 0)
        {
            return Error.Validation("team.invalid", "Some team members cannot take their place.", fields);
        }

        var now = time.GetUtcNow();
        await jobs.SaveTeamAsync(actor.OrganizationId, jobId, team, AuditEntry.For(actor, "job.team_saved", "job", jobId, now, $"{team.Count} members"), ct);
        return Result<IReadOnlyList<JobTeamMember>>.Success(await jobs.GetTeamAsync(actor.OrganizationId, jobId, ct));
    }
}
