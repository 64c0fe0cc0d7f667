using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Matching;

namespace Hirekit.Core.Applications;

/// <summary>
/// A job's board: Applied, the loop's stages in order, Offer, Hired, Rejected and Withdrawn, each
/// with its count and newest cards. A fixed number of queries whatever the number of applications:
/// one round trip reads the job with the actor's access to it, the stages and the counts (ADR 37);
/// the cards are cached per job until anything on them changes (ADR 22).
/// </summary>
public sealed class GetPipeline(IApplicationStore applications, JobAccess access)
{
    public const int CardsPerColumn = 20;

    public sealed record Response(JobContext Job, IReadOnlyList<PipelineColumn> Columns);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // The store applies JobAccess's rule through the team scope, in the board's one command.
        var board = await applications.PipelineAsync(actor.OrganizationId, jobId, actor.TeamScope, CardsPerColumn, ct);
        if (board is null)
        {
            return JobAccess.NotFound;
        }

        return new Response(new JobContext(board.Job, await access.KitOfAsync(board.Job, ct)), board.Columns);
    }

    public async Task<Result<IReadOnlyList<PipelineCard>>> ColumnAsync(Actor actor, Guid jobId, string stage, Guid? stageId, Guid? before, int? limit, CancellationToken ct)
    {
        var job = await access.VisibleAsync(actor, jobId, ct);
        if (!job.IsSuccess)
        {
            return job.Error!;
        }

        if (!PipelineStages.All.Contains(stage) || (stage == PipelineStages.Loop) != stageId.HasValue)
        {
            return Error.Validation("stage", "Name a pipeline stage (and the stage id for loop stages).");
        }

        return Result<IReadOnlyList<PipelineCard>>.Success(await applications.ColumnAsync(actor.OrganizationId, jobId, stage, stageId, before, Math.Clamp(limit ?? CardsPerColumn, 1, Paging.MaxPageSize), ct));
    }
}

/// <summary>A resume flag of the kit, with the passages of the resume that suggest it.</summary>
public sealed record ResumeHint(string FlagId, string Kind, string Text, IReadOnlyList<string> Passages);

/// <summary>
/// The resume screen of an application: the kit's green and yellow flags as a checklist, each with
/// the resume passages where its cues occur. Hints only: the reviewer ticks what they find and the
/// decision is recorded, with who and when.
/// </summary>
public sealed class ResumeScreen(ApplicationAccess access, ICandidateStore candidates, IApplicationStore applications, TimeProvider time)
{
    public const int MaxPassagesPerFlag = 3;

    public sealed record Response(IReadOnlyList<ResumeHint> Hints, ScreenDecision? Decision);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, applicationId, ct);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        var (application, job) = visible.Value;
        var candidate = (await candidates.FindAsync(actor.OrganizationId, application.CandidateId, ct))!;
        return new Response(Hints(job.Kit, candidate.ResumeText), await applications.FindScreenAsync(actor.OrganizationId, applicationId, ct));
    }

    public async Task<Result<ScreenDecision>> SaveAsync(Actor actor, Guid applicationId, IReadOnlyDictionary<string, bool> flags, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var known = (editable.Value.Job.Kit.ResumeFlags?.Green ?? ValueList<Kits.ResumeFlag>.Empty).Concat(editable.Value.Job.Kit.ResumeFlags?.Yellow ?? ValueList<Kits.ResumeFlag>.Empty).Select(f => f.Id).ToHashSet();
        var unknown = flags.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("flags", $"Unknown flags: {string.Join(", ", unknown)}.");
        }

        if (note is { Length: > MoveApplication.MaxNote })
        {
            return Error.Validation("note", $"A note has at most {MoveApplication.MaxNote} characters.");
        }

        var now = time.GetUtcNow();
        var decision = new ScreenDecision(flags, note?.Trim() ?? "", actor.UserId, actor.DisplayName, now);
        await applications.SaveScreenAsync(actor.OrganizationId, applicationId, decision, AuditEntry.For(actor, "application.screened", "application", applicationId, now, $"{flags.Count(f => f.Value)} flags present"), ct);
        return decision;
    }

    public static IReadOnlyList<ResumeHint> Hints(Kits.Kit kit, string resumeText)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(resumeText);
        var matcher = new EvidenceMatcher(kit.Synonyms);
        var tokens = matcher.Tokenize(resumeText);
        IEnumerable<ResumeHint> For(IEnumerable<Kits.ResumeFlag> flags, string kind) => flags.Select(flag =>
        {
            var passages = flag.Cues
                .SelectMany(cue => matcher.Find(tokens, cue))
                .OrderBy(m => m.Start)
                .Select(m => Passage(resumeText, m))
                .Distinct()
                .Take(MaxPassagesPerFlag)
                .ToList();
            return new ResumeHint(flag.Id, kind, flag.Text, passages);
        });
        var flags = kit.ResumeFlags;
        return flags is null ? [] : [.. For(flags.Green, "green"), .. For(flags.Yellow, "yellow")];
    }

    /// <summary>The line around a match, trimmed to about 160 characters, with the match kept whole.</summary>
    private static string Passage(string text, CueMatch match)
    {
        var start = text.LastIndexOfAny(['\n', '.'], Math.Max(0, match.Start - 1)) + 1;
        var end = text.IndexOfAny(['\n', '.'], match.Start + match.Length);
        end = end < 0 ? text.Length : end;
        if (end - start > 160)
        {
            start = Math.Max(start, match.Start - 70);
            end = Math.Min(end, match.Start + match.Length + 70);
        }

        return text[start..end].Trim();
    }
}
