using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Jobs;

/// <summary>
/// Jobs: role intake, description with lint, status, loop with coverage, hiring team. Admins and
/// recruiters see every job; hiring managers and interviewers only the jobs they are on (others are
/// 404). Writes need the hiring policy, and hiring managers may change only their own jobs.
/// </summary>
public static class JobsApi
{
    public sealed record LocationView(string Name, string? Code, bool Remote);

    public sealed record DescriptionView(string About, string StackPrimary, string StackDetails, string Scale, string Challenge, string SuccessCriteria, string Team, PayRange? Pay);

    public sealed record JobView(
        Guid Id, string Slug, string Title, string Status, Guid KitId, int KitVersion, Level TargetLevel, string? Specialisation, string? LoopTemplate,
        IReadOnlyDictionary<string, string> Intake, IReadOnlyDictionary<string, int> Weights, LocationView Location, string EmploymentType,
        string? CompensationRegion, DescriptionView Description, string DescriptionMarkdown, DateOnly? ValidThrough, DateTimeOffset? OpenedAt,
        DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record CreatedJob(JobView Job, IReadOnlyList<IntakeNote> IntakeNotes, string? LevelNote, IReadOnlyList<LoopStage> Loop);

    public sealed record JobListItem(Guid Id, string Slug, string Title, string Status, Level TargetLevel, string Location, int Applications, DateTimeOffset UpdatedAt);

    public sealed record JobPage(IReadOnlyList<JobListItem> Items, Guid? Next);

    public sealed record DescribedJob(JobView Job, IReadOnlyList<LintFinding> Findings);

    public sealed record LoopResponse(IReadOnlyList<LoopStage> Stages, CoverageReport Coverage);

    public sealed record CreateJobRequest(
        [property: Required] Guid? KitId,
        int? KitVersion,
        [property: Required, StringLength(CreateJob.MaxTitle)] string? Title,
        [property: Required] Level? TargetLevel,
        [property: Required] Dictionary<string, string>? Intake,
        [property: Required, StringLength(120)] string? Location,
        [property: StringLength(10)] string? LocationCode,
        bool Remote,
        string? EmploymentType,
        string? CompensationRegion);

    public sealed record DescriptionRequest(
        [property: Required, StringLength(CreateJob.MaxTitle)] string? Title,
        [property: Required, StringLength(120)] string? Location,
        [property: StringLength(10)] string? LocationCode,
        bool Remote,
        string? EmploymentType,
        string? CompensationRegion,
        DateOnly? ValidThrough,
        string? About,
        string? StackPrimary,
        string? StackDetails,
        string? Scale,
        string? Challenge,
        string? SuccessCriteria,
        string? Team,
        PayRange? Pay);

    public sealed record StatusRequest([property: Required] string? Status);

    public sealed record LoopRequest([property: Required] List<SaveJobLoop.StageRequest>? Stages);

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/jobs", "Jobs");
        read.MapGet("", List).WithName("ListJobs");
        read.MapGet("/{jobId:guid}", Get).WithName("GetJob");
        read.MapGet("/{jobId:guid}/lint", Lint).WithName("LintJobDescription");
        read.MapGet("/{jobId:guid}/loop", GetLoop).WithName("GetJobLoop");
        read.MapGet("/{jobId:guid}/team", GetTeam).WithName("GetJobTeam");

        var write = app.MapApiGroup("/jobs", "Jobs", Policies.Hiring);
        write.MapPost("", Create).WithName("CreateJob");
        write.MapPut("/{jobId:guid}/description", Describe).WithName("UpdateJobDescription");
        write.MapPost("/{jobId:guid}/status", SetStatus).WithName("ChangeJobStatus");
        write.MapPut("/{jobId:guid}/loop", SaveLoop).WithName("SaveJobLoop");
        write.MapPut("/{jobId:guid}/team", SaveTeam).WithName("SaveJobTeam");
        return app;
    }

    public static async Task<Results<Created<CreatedJob>, ProblemHttpResult>> Create(CreateJobRequest request, ClaimsPrincipal principal, CreateJob useCase, JobAccess access, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new CreateJob.Request(
            request.KitId!.Value, request.KitVersion, request.Title!, request.TargetLevel!.Value, request.Intake!, request.Location!, request.LocationCode,
            request.Remote, request.EmploymentType ?? "FULL_TIME", request.CompensationRegion), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var r = result.Value;
        var view = View(r.Job, await access.KitOfAsync(r.Job, ct));
        return TypedResults.Created($"{ApiRoutes.Prefix}/jobs/{r.Job.Id}", new CreatedJob(view, r.Intake.Notes, r.LevelNote, r.Loop));
    }

    public static async Task<Results<Ok<JobPage>, ProblemHttpResult>> List(ClaimsPrincipal principal, ListJobs useCase, string? status, Guid? before, int? pageSize, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new ListJobs.Request(status, before, pageSize), ct);
        return result.IsSuccess
            ? TypedResults.Ok(new JobPage(result.Value.Items.Select(j => new JobListItem(j.Id, j.Slug, j.Title, j.Status, j.TargetLevel, j.Location, j.Applications, j.UpdatedAt)).ToList(), result.Value.Next))
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> Get(Guid jobId, ClaimsPrincipal principal, GetJob useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value.Job, result.Value.Kit)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<LintFinding>>, ProblemHttpResult>> Lint(Guid jobId, ClaimsPrincipal principal, LintJob useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<DescribedJob>, ProblemHttpResult>> Describe(Guid jobId, DescriptionRequest request, ClaimsPrincipal principal, UpdateJobDescription useCase, JobAccess access, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, new UpdateJobDescription.Request(
            request.Title!, request.Location!, request.LocationCode, request.Remote, request.EmploymentType ?? "FULL_TIME", request.CompensationRegion, request.ValidThrough,
            request.About, request.StackPrimary, request.StackDetails, request.Scale, request.Challenge, request.SuccessCriteria, request.Team, request.Pay), ct);
        return result.IsSuccess
            ? TypedResults.Ok(new DescribedJob(View(result.Value.Job, await access.KitOfAsync(result.Value.Job, ct)), result.Value.Findings))
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> SetStatus(Guid jobId, StatusRequest request, ClaimsPrincipal principal, ChangeJobStatus useCase, JobAccess access, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, request.Status!, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value, await access.KitOfAsync(result.Value, ct))) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<LoopResponse>, ProblemHttpResult>> GetLoop(Guid jobId, ClaimsPrincipal principal, GetJobLoop useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(new LoopResponse(result.Value.Stages, result.Value.Coverage)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<LoopResponse>, ProblemHttpResult>> SaveLoop(Guid jobId, LoopRequest request, ClaimsPrincipal principal, SaveJobLoop useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, request.Stages!, ct);
        return result.IsSuccess ? TypedResults.Ok(new LoopResponse(result.Value.Stages, result.Value.Coverage)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<JobTeamMember>>, ProblemHttpResult>> GetTeam(Guid jobId, ClaimsPrincipal principal, GetJobTeam useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<JobTeamMember>>, ProblemHttpResult>> SaveTeam(Guid jobId, SaveJobTeam.Request request, ClaimsPrincipal principal, SaveJobTeam useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    public static JobView View(Job j, Kit kit)
    {
        ArgumentNullException.ThrowIfNull(j);
        var d = j.Description;
        return new JobView(
            j.Id, j.Slug, j.Title, j.Status, j.KitId, j.KitVersion, j.TargetLevel, j.Specialisation, j.LoopTemplate, j.Intake, j.Weights,
            new LocationView(j.Location.Name, j.Location.Code, j.Location.Remote), j.EmploymentType, j.CompensationRegion,
            new DescriptionView(d.About, d.StackPrimary, d.StackDetails, d.Scale, d.Challenge, d.SuccessCriteria, d.Team, d.Pay),
            JobDescriptionRenderer.ToMarkdown(j, kit), j.ValidThrough, j.OpenedAt, j.ClosedAt, j.CreatedAt, j.UpdatedAt);
    }
}
