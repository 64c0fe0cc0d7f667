using Hirekit.Core.Common;

namespace Hirekit.Core.Jobs;

public sealed class GetJob(JobAccess access)
{
    public Task<Result<JobContext>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct) => access.VisibleAsync(actor, jobId, ct);
}

/// <summary>The jobs the actor may see, newest first, a keyset page at a time.</summary>
public sealed class ListJobs(IJobStore jobs)
{
    public sealed record Request(string? Status, Guid? Before, int? PageSize);

    public sealed record Response(IReadOnlyList<JobSummary> Items, Guid? Next);

    public async Task<Result<Response>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is { } status && !JobStatuses.All.Contains(status))
        {
            return Error.Validation("status", $"Status must be one of {string.Join(", ", JobStatuses.All)}.");
        }

        var (_, size) = Paging.Normalize(1, request.PageSize);
        var rows = await jobs.ListAsync(actor.OrganizationId, actor.TeamScope, request.Status, request.Before, size + 1, ct);
        var page = Paging.FromOverfetch(rows, 1, size);
        return new Response(page.Items, page.HasMore ? page.Items[^1].Id : null);
    }
}

/// <summary>The description's lint findings, for the editor and the API.</summary>
public sealed class LintJob(JobAccess access)
{
    public async Task<Result<IReadOnlyList<LintFinding>>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, jobId, ct);
        return context.IsSuccess ? Result<IReadOnlyList<LintFinding>>.Success(Lint(context.Value)) : context.Error!;
    }

    public static IReadOnlyList<LintFinding> Lint(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Job;
        return JobDescriptionLint.Check(context.Kit, new JobLintInput(job.Title, job.Description, job.TargetLevel, job.Location, job.Specialisation, job.CompensationRegion));
    }
}
