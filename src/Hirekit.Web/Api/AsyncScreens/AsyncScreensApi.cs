using System.Security.Claims;
using Hirekit.Core.AsyncScreens;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hirekit.Web.Api.AsyncScreens;

/// <summary>
/// Written screens: recruiters and admins send one per application; whoever sees the application
/// reads its status, and the answers once the candidate has submitted. The candidate answers on
/// the page at <c>/s/{token}</c>, with no account.
/// </summary>
public static class AsyncScreensApi
{
    public sealed record SendRequest(List<string>? Questions, DateTimeOffset? Deadline, List<Guid>? Reviewers);

    public sealed record QuestionView(string Id, string Title, string Prompt, string? Answer);

    public sealed record AsyncScreenView(
        Guid Id, Guid ApplicationId, Guid JobId, Guid StageId, string StageName, string Status, string Title,
        DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? StartedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? CancelledAt,
        DateTimeOffset? RemindedAt, Guid? InterviewId, IReadOnlyList<Guid> Reviewers, IReadOnlyList<QuestionView> Questions);

    public static IEndpointRouteBuilder MapAsyncScreens(this IEndpointRouteBuilder app)
    {
        var send = app.MapApiGroup("/applications", "Async screens", Policies.Recruiting);
        send.MapPost("/{applicationId:guid}/async-screen", Send).WithName("SendAsyncScreen")
            .WithSummary("422 async_screen.no_stage when the job's loop has no async_screen stage; 409 async_screen.exists when one is live.");
        var read = app.MapApiGroup("/async-screens", "Async screens");
        read.MapGet("/{screenId:guid}", Get).WithName("GetAsyncScreen");
        var write = app.MapApiGroup("/async-screens", "Async screens", Policies.Recruiting);
        write.MapPost("/{screenId:guid}/cancel", Cancel).WithName("CancelAsyncScreen");
        return app;
    }

    public static async Task<Results<Created<AsyncScreenView>, ProblemHttpResult>> Send(
        Guid applicationId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] SendRequest? request, ClaimsPrincipal principal, SendAsyncScreen useCase, GetAsyncScreen get, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, new SendAsyncScreen.Request(applicationId, request?.Questions, request?.Deadline, request?.Reviewers), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var details = await get.HandleAsync(actor, result.Value.Id, ct);
        return TypedResults.Created($"{ApiRoutes.Prefix}/async-screens/{result.Value.Id}", View(details.Value));
    }

    public static async Task<Results<Ok<AsyncScreenView>, ProblemHttpResult>> Get(Guid screenId, ClaimsPrincipal principal, GetAsyncScreen useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), screenId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<AsyncScreenView>, ProblemHttpResult>> Cancel(Guid screenId, ClaimsPrincipal principal, CancelAsyncScreen useCase, GetAsyncScreen get, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, screenId, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        return TypedResults.Ok(View((await get.HandleAsync(actor, screenId, ct)).Value));
    }

    public static AsyncScreenView View(AsyncScreenDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var s = details.Screen;
        var answers = details.Answers?.ToDictionary(a => a.QuestionId, a => a.Text, StringComparer.Ordinal);
        return new AsyncScreenView(
            s.Id, s.ApplicationId, s.JobId, s.StageId, s.StageName, details.Status, s.Title, s.SentAt, s.Deadline, s.StartedAt, s.SubmittedAt, s.CancelledAt,
            s.RemindedAt, s.InterviewId, s.Reviewers,
            details.Questions.Select(q => new QuestionView(q.Id, q.Title, q.Prompt, answers is null ? null : answers.GetValueOrDefault(q.Id, ""))).ToList());
    }
}
