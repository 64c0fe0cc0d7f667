using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Applications;

/// <summary>
/// Applications and the pipeline. Whoever sees a job sees its applications and board; admins,
/// recruiters and the job's hiring managers move, reject and screen them.
/// </summary>
public static class ApplicationsApi
{
    public sealed record ApplicationView(
        Guid Id, Guid JobId, string JobTitle, Guid CandidateId, string CandidateName, string Stage, Guid? StageId, string? StageName,
        string Source, string? RejectReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ApplicationEvent> History, ScreenDecision? Screen);

    public sealed record CreateRequest([property: Required] Guid? CandidateId, [property: Required] Guid? JobId, [property: StringLength(60)] string? Source);

    public sealed record MoveRequest([property: Required] string? Stage, Guid? StageId, [property: StringLength(MoveApplication.MaxNote)] string? Note);

    public sealed record RejectRequest([property: Required] string? ReasonCode, [property: StringLength(MoveApplication.MaxNote)] string? Note);

    public sealed record WithdrawRequest([property: StringLength(MoveApplication.MaxNote)] string? Note);

    public sealed record ScreenRequest([property: Required] Dictionary<string, bool>? Flags, [property: StringLength(MoveApplication.MaxNote)] string? Note);

    public sealed record ScreenView(IReadOnlyList<ResumeHint> Hints, ScreenDecision? Decision);

    public sealed record MovedView(Guid Id, string Stage, Guid? StageId, string? RejectReason, DateTimeOffset UpdatedAt);

    public sealed record BoardView(Guid JobId, string JobTitle, IReadOnlyList<PipelineColumn> Columns);

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/applications", "Applications");
        read.MapGet("/{applicationId:guid}", Get).WithName("GetApplication");
        read.MapGet("/{applicationId:guid}/screen", GetScreen).WithName("GetResumeScreen");

        var write = app.MapApiGroup("/applications", "Applications", Policies.Hiring);
        write.MapPost("", Create).WithName("CreateApplication");
        write.MapPost("/{applicationId:guid}/move", Move).WithName("MoveApplication");
        write.MapPost("/{applicationId:guid}/reject", Reject).WithName("RejectApplication");
        write.MapPost("/{applicationId:guid}/withdraw", Withdraw).WithName("WithdrawApplication");
        write.MapPut("/{applicationId:guid}/screen", SaveScreen).WithName("SaveResumeScreen");

        var board = app.MapApiGroup("/jobs", "Applications");
        board.MapGet("/{jobId:guid}/pipeline", Pipeline).WithName("GetPipeline").WithSummary("Columns with counts and the newest cards of each.");
        board.MapGet("/{jobId:guid}/pipeline/{stage}", Column).WithName("GetPipelineColumn").WithSummary("More cards of one column (before = the last card's application id).");
        return app;
    }

    public static async Task<Results<Created<MovedView>, ProblemHttpResult>> Create(CreateRequest request, ClaimsPrincipal principal, CreateApplication useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new CreateApplication.Request(request.CandidateId!.Value, request.JobId!.Value, request.Source), ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/applications/{result.Value.Id}", Moved(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Get(Guid applicationId, ClaimsPrincipal principal, GetApplication useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var d = result.Value;
        var a = d.Summary.Application;
        return TypedResults.Ok(new ApplicationView(a.Id, a.JobId, d.Summary.JobTitle, a.CandidateId, d.Summary.CandidateName, a.Stage, a.StageId, d.Summary.StageName, a.Source, a.RejectReason, a.CreatedAt, a.UpdatedAt, d.History, d.Screen));
    }

    public static async Task<Results<Ok<MovedView>, ProblemHttpResult>> Move(Guid applicationId, MoveRequest request, ClaimsPrincipal principal, MoveApplication useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, new MoveApplication.Request(request.Stage!, request.StageId, request.Note), ct);
        return result.IsSuccess ? TypedResults.Ok(Moved(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<MovedView>, ProblemHttpResult>> Reject(Guid applicationId, RejectRequest request, ClaimsPrincipal principal, RejectApplication useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, new RejectApplication.Request(request.ReasonCode!, request.Note), ct);
        return result.IsSuccess ? TypedResults.Ok(Moved(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<MovedView>, ProblemHttpResult>> Withdraw(Guid applicationId, WithdrawRequest request, ClaimsPrincipal principal, WithdrawApplication useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, request.Note, ct);
        return result.IsSuccess ? TypedResults.Ok(Moved(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ScreenView>, ProblemHttpResult>> GetScreen(Guid applicationId, ClaimsPrincipal principal, ResumeScreen useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, ct);
        return result.IsSuccess ? TypedResults.Ok(new ScreenView(result.Value.Hints, result.Value.Decision)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ScreenDecision>, ProblemHttpResult>> SaveScreen(Guid applicationId, ScreenRequest request, ClaimsPrincipal principal, ResumeScreen useCase, CancellationToken ct)
    {
        var result = await useCase.SaveAsync(principal.ToActor(), applicationId, request.Flags!, request.Note, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<BoardView>, ProblemHttpResult>> Pipeline(Guid jobId, ClaimsPrincipal principal, GetPipeline useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(new BoardView(jobId, result.Value.Job.Job.Title, result.Value.Columns)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<PipelineCard>>, ProblemHttpResult>> Column(Guid jobId, string stage, Guid? stageId, Guid? before, int? limit, ClaimsPrincipal principal, GetPipeline useCase, CancellationToken ct)
    {
        var result = await useCase.ColumnAsync(principal.ToActor(), jobId, stage, stageId, before, limit, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static MovedView Moved(Application a) => new(a.Id, a.Stage, a.StageId, a.RejectReason, a.UpdatedAt);
}
