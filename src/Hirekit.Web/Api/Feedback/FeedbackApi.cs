using System.Security.Claims;
using Hirekit.Core.Feedback;
using Hirekit.Core.Onboarding;
using Hirekit.Web.Errors;
using Hirekit.Web.Feedback;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Feedback;

/// <summary>
/// Candidate feedback reports (admins and recruiters: draft, edit, approve, send, revoke) and the
/// onboarding plans of hires (read by admins, recruiters and the job's hiring managers; items
/// ticked off by whoever may change the job's applications).
/// </summary>
public static class FeedbackApi
{
    public sealed record SectionView(string CompetencyId, string Title, string Kind, string Summary, IReadOnlyList<string> Observed, string NextStep, IReadOnlyList<string> Topics);

    public sealed record ReportView(
        Guid Id, Guid ApplicationId, string Status, bool Edited, string Intro, IReadOnlyList<SectionView> Sections, string Closing,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ViewedAt, DateTimeOffset? RevokedAt);

    public sealed record ReportEdit(string? Intro, IReadOnlyList<SectionEdit?>? Sections, string? Closing);

    public sealed record SectionEdit(string? CompetencyId, string? Title, string? Kind, string? Summary, IReadOnlyList<string>? Observed, string? NextStep, IReadOnlyList<string>? Topics);

    public sealed record JobFeedbackItem(Guid ApplicationId, string CandidateName, string Stage, bool Eligible, Guid? ReportId, string? Status, DateTimeOffset? SentAt, DateTimeOffset? ViewedAt);

    /// <summary>At most 500 candidates by name; <c>more</c> says the job has others.</summary>
    public sealed record JobFeedbackList(IReadOnlyList<JobFeedbackItem> Items, bool More);

    /// <summary>One batch of drafts (up to 100); <c>more</c> says to post again.</summary>
    public sealed record BulkOutcome(int Drafted, int Skipped, bool More);

    public sealed record PlanItemView(Guid Id, int Position, string Phase, string PhaseTitle, string Title, string Description, string Owner, DateOnly DueDate, string Kind, bool Done, DateTimeOffset? DoneAt, Guid? DoneBy);

    public sealed record PlanView(Guid Id, Guid ApplicationId, Guid OfferId, DateOnly StartDate, DateTimeOffset LinkExpiresAt, int Done, int Total, IReadOnlyList<PlanItemView> Items);

    public sealed record ItemChange(bool? Done);

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapApiGroup("/applications", "Feedback reports", Policies.Recruiting);
        drafts.MapPost("/{applicationId:guid}/feedback-report", Draft).WithName("DraftFeedbackReport").WithSummary("Creates the draft, or refreshes it from the scorecards while it is a draft; 409 feedback.not_eligible without a submitted scorecard.");

        var reports = app.MapApiGroup("/feedback-reports", "Feedback reports", Policies.Recruiting);
        reports.MapGet("/{reportId:guid}", Get).WithName("GetFeedbackReport");
        reports.MapPut("/{reportId:guid}", Edit).WithName("EditFeedbackReport").WithSummary("Drafts only. Sections may be reworded or removed, not added.");
        reports.MapPost("/{reportId:guid}/approve", Approve).WithName("ApproveFeedbackReport");
        reports.MapPost("/{reportId:guid}/send", Send).WithName("SendFeedbackReport").WithSummary("Approved, sent or revoked reports: mails the candidate a new secret link valid 90 days; older links stop working.");
        reports.MapPost("/{reportId:guid}/revoke", Revoke).WithName("RevokeFeedbackReport");

        var jobs = app.MapApiGroup("/jobs", "Feedback reports", Policies.Recruiting);
        jobs.MapGet("/{jobId:guid}/feedback-reports", List).WithName("ListJobFeedbackReports").WithSummary("Candidates who completed an interview or have a report, by name, at most 500.");
        jobs.MapPost("/{jobId:guid}/feedback-reports", DraftAll).WithName("DraftJobFeedbackReports").WithSummary("Drafts reports, up to 100 per call, for candidates whose process ended after at least one submitted scorecard and who have none; more: call again.");

        var plans = app.MapApiGroup("/applications", "Onboarding plans", Policies.Hiring);
        plans.MapGet("/{applicationId:guid}/onboarding-plan", GetPlan).WithName("GetOnboardingPlan");
        plans.MapPut("/{applicationId:guid}/onboarding-plan/items/{itemId:guid}", SetItem).WithName("SetOnboardingItem").WithSummary("Body { \"done\": true | false }.");
        // The candidate's PDF, behind the same secret link as the page /r/{token}.
        app.MapGet("/r/{token}.pdf", Pdf).WithName("FeedbackReportPdf").WithTags("Feedback reports").AllowAnonymous();

        plans.MapPost("/{applicationId:guid}/onboarding-plan/link", RenewLink).WithName("RenewOnboardingLink").WithSummary("Mails the new hire a new link; the previous one stops working.");
        return app;
    }

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Draft(Guid applicationId, ClaimsPrincipal principal, DraftFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), applicationId, ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Get(Guid reportId, ClaimsPrincipal principal, GetFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), reportId, ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Edit(Guid reportId, ReportEdit? request, ClaimsPrincipal principal, EditFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), reportId, ToContent(request), ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Approve(Guid reportId, ClaimsPrincipal principal, ApproveFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), reportId, ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Send(Guid reportId, ClaimsPrincipal principal, SendFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), reportId, ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Revoke(Guid reportId, ClaimsPrincipal principal, RevokeFeedbackReport useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), reportId, ct));

    public static async Task<Results<Ok<JobFeedbackList>, ProblemHttpResult>> List(Guid jobId, ClaimsPrincipal principal, ListJobFeedback useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new JobFeedbackList(
                result.Value.Items.Select(i => new JobFeedbackItem(i.ApplicationId, i.CandidateName, i.Stage, i.Eligible, i.ReportId, i.Status, i.SentAt, i.ViewedAt)).ToList(),
                result.Value.More))
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<BulkOutcome>, ProblemHttpResult>> DraftAll(Guid jobId, ClaimsPrincipal principal, DraftJobFeedback useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), jobId, ct);
        return result.IsSuccess ? TypedResults.Ok(new BulkOutcome(result.Value.Drafted, result.Value.Skipped, result.Value.More)) : result.Error!.ToProblem();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(string token, HttpContext context, ViewPublishedReport useCase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        var result = await useCase.HandleAsync(token, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        if (!ReportPdf.Available)
        {
            return TypedResults.Problem(detail: "The PDF cannot be made on this server (its fonts are missing); print the page instead.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF unavailable");
        }

        return TypedResults.File(ReportPdf.Render(result.Value), "application/pdf", $"feedback-{result.Value.OrganizationName.ToLowerInvariant().Replace(' ', '-')}.pdf");
    }

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlan(Guid applicationId, ClaimsPrincipal principal, GetOnboardingPlan useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), applicationId, ct));

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> SetItem(Guid applicationId, Guid itemId, ItemChange? request, ClaimsPrincipal principal, SetOnboardingItemDone useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), applicationId, itemId, request?.Done, ct));

    public static async Task<Results<Ok<PlanView>, ProblemHttpResult>> RenewLink(Guid applicationId, ClaimsPrincipal principal, RenewOnboardingLink useCase, CancellationToken ct) =>
        Reply(await useCase.HandleAsync(principal.ToActor(), applicationId, ct));

    public static ReportView View(FeedbackReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReportView(
            r.Id, r.ApplicationId, r.Status, r.Edited, r.Content.Intro,
            r.Content.Sections.Select(s => new SectionView(s.CompetencyId, s.Title, s.Kind, s.Summary, s.Observed, s.NextStep, s.Topics)).ToList(),
            r.Content.Closing, r.CreatedAt, r.UpdatedAt, r.ApprovedAt, r.SentAt, r.ExpiresAt, r.ViewedAt, r.RevokedAt);
    }

    public static PlanView View(OnboardingPlan p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PlanView(
            p.Id, p.ApplicationId, p.OfferId, p.StartDate, p.LinkExpiresAt, p.Items.Count(i => i.DoneAt is not null), p.Items.Count,
            p.Items.Select(i => new PlanItemView(i.Id, i.Position, i.PhaseId, i.PhaseTitle, i.Title, i.Description, i.Owner, i.DueDate, i.Kind, i.DoneAt is not null, i.DoneAt, i.DoneBy)).ToList());
    }

    /// <summary>The edit as the use case checks it; missing parts become empty so the checks name them.</summary>
    private static FeedbackContent? ToContent(ReportEdit? request) => request is null
        ? null
        : new FeedbackContent(
            request.Intro ?? "",
            (request.Sections ?? []).Select(s => s is null
                ? null!
                : new FeedbackSection(s.CompetencyId ?? "", s.Title ?? "", s.Kind ?? "", s.Summary ?? "", s.Observed ?? [], s.NextStep ?? "", s.Topics ?? [])).ToList(),
            request.Closing ?? "");

    private static Results<Ok<ReportView>, ProblemHttpResult> Reply(Hirekit.Core.Common.Result<FeedbackReport> result) =>
        result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();

    private static Results<Ok<PlanView>, ProblemHttpResult> Reply(Hirekit.Core.Common.Result<OnboardingPlan> result) =>
        result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
}
