using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Security;

namespace Hirekit.Core.Feedback;

/// <summary>
/// Who works on feedback reports: admins and recruiters, on applications they can see. Reports
/// speak to the candidate on behalf of the organisation, so hiring managers and interviewers
/// neither edit nor send them.
/// </summary>
public sealed class FeedbackAccess(GetApplication getApplication, IFeedbackReportStore reports, JobAccess jobs)
{
    public static readonly Error NotFound = Error.NotFound("feedback.not_found", "No such feedback report, or not one of your jobs'.");

    public static readonly Error Forbidden = Error.Forbidden("feedback.forbidden", "Only admins and recruiters work on candidate feedback reports.");

    public async Task<Result<ApplicationDetails>> ApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await getApplication.HandleAsync(actor, applicationId, ct);
        if (!application.IsSuccess)
        {
            return application.Error!;
        }

        return CandidateAccess.CanManage(actor) ? application : Forbidden;
    }

    /// <summary>A job whose feedback the actor works on: visible to them, and they manage candidates.</summary>
    public async Task<Result<JobContext>> JobAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = await jobs.VisibleAsync(actor, jobId, ct);
        if (!job.IsSuccess)
        {
            return job.Error!;
        }

        return CandidateAccess.CanManage(actor) ? job : Forbidden;
    }

    public async Task<Result<(FeedbackReport Report, ApplicationDetails Application)>> ReportAsync(Actor actor, Guid reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var report = await reports.FindAsync(actor.OrganizationId, reportId, ct);
        if (report is null)
        {
            return NotFound;
        }

        var application = await ApplicationAsync(actor, report.ApplicationId, ct);
        if (!application.IsSuccess)
        {
            return application.Error!.Kind == ErrorKind.NotFound ? NotFound : application.Error!;
        }

        return (report, application.Value);
    }
}

/// <summary>
/// Writes or refreshes the draft report of an application from its submitted scorecards. Only
/// candidates with at least one submitted scorecard get a report. A report that was approved or
/// sent is never redrafted: what the candidate may have read stays as it was.
/// </summary>
public sealed class DraftFeedbackReport(FeedbackAccess access, IScorecardStore scorecards, IFeedbackReportStore reports, IAccountStore accounts, TimeProvider time)
{
    public async Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var application = await access.ApplicationAsync(actor, applicationId, ct);
        if (!application.IsSuccess)
        {
            return application.Error!;
        }

        var details = application.Value;
        var submitted = (await scorecards.ListForApplicationAsync(actor.OrganizationId, applicationId, ct)).Where(e => e.Card.IsSubmitted).ToList();
        if (submitted.Count == 0)
        {
            return Error.Conflict("feedback.not_eligible", "A report needs at least one submitted scorecard: the candidate has not completed an interview yet.");
        }

        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var content = FeedbackReportBuilder.Build(details.Job.Kit, details.Job.Job.TargetLevel, details.Job.Job.Title, organization.Name, submitted);
        var now = time.GetUtcNow();
        var existing = await reports.FindForApplicationAsync(actor.OrganizationId, applicationId, ct);
        if (existing is null)
        {
            var report = new FeedbackReport(Ids.New(), actor.OrganizationId, applicationId, FeedbackReportStatuses.Draft, content, false, now, now, null, null, null, null, null);
            return await reports.CreateAsync(report, AuditEntry.For(actor, "feedback.drafted", "feedback_report", report.Id, now), ct)
                ? report
                : Error.Conflict("feedback.changed", "Someone else drafted this report meanwhile. Reload it.");
        }

        if (existing.Status != FeedbackReportStatuses.Draft)
        {
            return Error.Conflict("feedback.locked", $"The report is {existing.Status}; an approved or sent report is not redrafted.");
        }

        var refreshed = existing with { Content = content, Edited = false, UpdatedAt = now };
        return await reports.UpdateDraftAsync(refreshed, AuditEntry.For(actor, "feedback.redrafted", "feedback_report", existing.Id, now), ct)
            ? refreshed
            : Error.Conflict("feedback.locked", "The report was approved meanwhile; it is not redrafted.");
    }
}

public sealed class GetFeedbackReport(FeedbackAccess access)
{
    public async Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid reportId, CancellationToken ct)
    {
        var found = await access.ReportAsync(actor, reportId, ct);
        return found.IsSuccess ? found.Value.Report : found.Error!;
    }
}

/// <summary>
/// A recruiter's edit of a draft: the wording of the introduction, the closing and each section,
/// and which sections stay. Sections can be removed or reworded, not invented: each must name a
/// competency the draft already covers.
/// </summary>
public sealed class EditFeedbackReport(FeedbackAccess access, IFeedbackReportStore reports, TimeProvider time)
{
    public const int MaxText = 4000;
    public const int MaxItems = 20;

    public async Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid reportId, FeedbackContent? edit, CancellationToken ct)
    {
        var found = await access.ReportAsync(actor, reportId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var report = found.Value.Report;
        if (report.Status != FeedbackReportStatuses.Draft)
        {
            return Error.Conflict("feedback.locked", $"Only a draft can be edited; this report is {report.Status}.");
        }

        var fields = Check(edit, report.Content);
        if (fields.Count > 0)
        {
            return Error.Validation("feedback.invalid", "Some parts of the report need attention.", fields);
        }

        var now = time.GetUtcNow();
        var updated = report with { Content = Clean(edit!), Edited = true, UpdatedAt = now };
        return await reports.UpdateDraftAsync(updated, AuditEntry.For(actor, "feedback.edited", "feedback_report", report.Id, now), ct)
            ? updated
            : Error.Conflict("feedback.locked", "The report was approved meanwhile; the edit was not saved.");
    }

    private static Dictionary<string, string[]> Check(FeedbackContent? edit, FeedbackContent draft)
    {
        var fields = new Dictionary<string, string[]>();
        if (edit is null)
        {
            fields["body"] = ["Send the report's intro, sections and closing."];
            return fields;
        }

        if (string.IsNullOrWhiteSpace(edit.Intro) || edit.Intro.Length > MaxText)
        {
            fields["intro"] = [$"Write an introduction of at most {MaxText} characters."];
        }

        if (edit.Closing is null || edit.Closing.Length > MaxText)
        {
            fields["closing"] = [$"The closing has at most {MaxText} characters."];
        }

        var known = draft.Sections.Select(s => s.CompetencyId).ToHashSet(StringComparer.Ordinal);
        var sections = edit.Sections ?? [];
        if (sections.Count == 0)
        {
            fields["sections"] = ["Keep at least one competency in the report."];
        }

        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            if (s is null || !known.Contains(s.CompetencyId ?? ""))
            {
                fields[$"sections[{i}].competencyId"] = ["Each section must be one of the draft's competencies."];
                continue;
            }

            if (s.Kind is not (FeedbackKinds.Strength or FeedbackKinds.Growth))
            {
                fields[$"sections[{i}].kind"] = ["A section is a strength or a growth area."];
            }

            if (string.IsNullOrWhiteSpace(s.Summary) || s.Summary.Length > MaxText || (s.NextStep?.Length ?? 0) > MaxText)
            {
                fields[$"sections[{i}].summary"] = [$"Write a summary; summary and next step have at most {MaxText} characters each."];
            }

            if ((s.Observed?.Count ?? 0) > MaxItems || (s.Topics?.Count ?? 0) > MaxItems
                || (s.Observed ?? []).Concat(s.Topics ?? []).Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 500))
            {
                fields[$"sections[{i}].topics"] = [$"At most {MaxItems} observations and {MaxItems} topics, each a line of at most 500 characters."];
            }
        }

        if (sections.Where(s => s is not null).GroupBy(s => s.CompetencyId).Any(g => g.Count() > 1))
        {
            fields["sections"] = ["Each competency appears once."];
        }

        return fields;
    }

    private static FeedbackContent Clean(FeedbackContent edit) => new(
        edit.Intro.Trim(),
        edit.Sections.Select(s => s with
        {
            Title = s.Title?.Trim() is { Length: > 0 and <= 200 } title ? title : s.CompetencyId,
            Summary = s.Summary.Trim(),
            NextStep = s.NextStep?.Trim() ?? "",
            Observed = (s.Observed ?? []).Select(o => o.Trim()).ToList(),
            Topics = (s.Topics ?? []).Select(t => t.Trim()).ToList(),
        }).ToList(),
        edit.Closing.Trim());
}

/// <summary>
/// A status change that needs nothing but the report: checked against the status it must be in,
/// then written guarded by that status, with its audit entry.
/// </summary>
internal static class FeedbackTransition
{
    public static async Task<Result<FeedbackReport>> MoveAsync(
        FeedbackAccess access, IFeedbackReportStore reports, Actor actor, Guid reportId, string from, string refusal, Func<FeedbackReport, FeedbackReport> change, string action, CancellationToken ct)
    {
        var found = await access.ReportAsync(actor, reportId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var report = found.Value.Report;
        if (report.Status != from)
        {
            return Error.Conflict("feedback.transition", $"{refusal}; this report is {report.Status}.");
        }

        var changed = change(report);
        return await reports.ChangeAsync(changed, from, null, null, AuditEntry.For(actor, action, "feedback_report", report.Id, changed.UpdatedAt), ct)
            ? changed
            : Error.Conflict("feedback.changed", "The report changed meanwhile. Reload and try again.");
    }
}

/// <summary>A recruiter approves the draft as it stands; only then can it be sent.</summary>
public sealed class ApproveFeedbackReport(FeedbackAccess access, IFeedbackReportStore reports, TimeProvider time)
{
    public Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid reportId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return FeedbackTransition.MoveAsync(
            access, reports, actor, reportId, FeedbackReportStatuses.Draft, "Only a draft can be approved",
            r => r with { Status = FeedbackReportStatuses.Approved, ApprovedAt = now, UpdatedAt = now }, "feedback.approved", ct);
    }
}

/// <summary>
/// Sends an approved report: a new secret link (256 random bits; only its SHA-256 is stored)
/// valid for <see cref="LinkLifetime"/>, mailed to the candidate through the outbox. Sending again,
/// or after a revocation, issues a new link and the old one stops working.
/// </summary>
public sealed class SendFeedbackReport(FeedbackAccess access, IFeedbackReportStore reports, IAccountStore accounts, PublicLinks links, IOutboxSignal signal, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(90);

    public async Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid reportId, CancellationToken ct)
    {
        var found = await access.ReportAsync(actor, reportId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (report, application) = found.Value;
        if (report.Status == FeedbackReportStatuses.Draft)
        {
            return Error.Conflict("feedback.not_approved", "Approve the report before sending it; an unapproved report never leaves Hirekit.");
        }

        var now = time.GetUtcNow();
        var token = SecretToken.Create("r_");
        var sent = report with { Status = FeedbackReportStatuses.Sent, SentAt = now, ExpiresAt = now + LinkLifetime, RevokedAt = null, UpdatedAt = now };
        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var mail = FeedbackMail.Report(links.To($"/r/{token}"), application.Candidate, application.Job.Job.Title, organization.Name, sent, now);
        if (!await reports.ChangeAsync(sent, report.Status, SecretToken.Hash(token), mail, AuditEntry.For(actor, "feedback.sent", "feedback_report", report.Id, now), ct))
        {
            return Error.Conflict("feedback.changed", "The report changed meanwhile. Reload and try again.");
        }

        signal.Notify();
        return sent;
    }
}

/// <summary>Revokes a sent report's link at once; the report stays and can be sent again with a new link.</summary>
public sealed class RevokeFeedbackReport(FeedbackAccess access, IFeedbackReportStore reports, TimeProvider time)
{
    public Task<Result<FeedbackReport>> HandleAsync(Actor actor, Guid reportId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return FeedbackTransition.MoveAsync(
            access, reports, actor, reportId, FeedbackReportStatuses.Sent, "Only a sent report's link can be revoked",
            r => r with { Status = FeedbackReportStatuses.Revoked, RevokedAt = now, UpdatedAt = now }, "feedback.revoked", ct);
    }
}

/// <summary>
/// What a candidate link opens. The token is hashed and looked up by its hash through a unique
/// index, so the time taken does not depend on how much of a guess matches a real token; every
/// failure (unknown, never sent, revoked, expired) is the same "not found".
/// </summary>
public sealed class ViewPublishedReport(IFeedbackReportStore reports, TimeProvider time)
{
    public static readonly Error NotFound = Error.NotFound("report.not_found", "This link does not lead to a report. It may have expired or been withdrawn.");

    public async Task<Result<PublishedReport>> HandleAsync(string? token, CancellationToken ct)
    {
        if (SecretToken.HashPresented(token) is not { } hash)
        {
            return NotFound;
        }

        var published = await reports.FindPublishedAsync(hash, ct);
        var now = time.GetUtcNow();
        if (published is null || !published.Report.IsLive(now))
        {
            return NotFound;
        }

        if (published.Report.ViewedAt is null)
        {
            await reports.MarkViewedAsync(published.Report.Id, now, ct);
        }

        return published;
    }
}

/// <summary>
/// The candidates of a job who completed an interview (or already have a report), with where their
/// feedback stands, by name; at most <see cref="Limit"/>, with <see cref="JobFeedback.More"/> set
/// when there are more.
/// </summary>
public sealed class ListJobFeedback(FeedbackAccess access, IFeedbackReportStore reports)
{
    public const int Limit = 500;

    public async Task<Result<JobFeedback>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = await access.JobAsync(actor, jobId, ct);
        if (!job.IsSuccess)
        {
            return job.Error!;
        }

        var items = await reports.ListForJobAsync(actor.OrganizationId, jobId, Limit + 1, ct);
        return new JobFeedback(items.Take(Limit).ToList(), items.Count > Limit);
    }
}

public sealed record JobFeedback(IReadOnlyList<FeedbackListItem> Items, bool More);

/// <summary>
/// Drafts reports for the candidates of a job whose process ended (hired, rejected or withdrawn)
/// after at least one submitted scorecard and who have no report yet, up to <see cref="Batch"/> per
/// call (<see cref="Outcome.More"/> says to call again). Each draft is its own transaction: one that
/// fails leaves the others written.
/// </summary>
public sealed class DraftJobFeedback(FeedbackAccess access, IFeedbackReportStore reports, DraftFeedbackReport draft)
{
    public const int Batch = 100;

    public sealed record Outcome(int Drafted, int Skipped, bool More);

    public async Task<Result<Outcome>> HandleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = await access.JobAsync(actor, jobId, ct);
        if (!job.IsSuccess)
        {
            return job.Error!;
        }

        var due = await reports.DueForJobAsync(actor.OrganizationId, jobId, Batch + 1, ct);
        var drafted = 0;
        foreach (var applicationId in due.Take(Batch))
        {
            if ((await draft.HandleAsync(actor, applicationId, ct)).IsSuccess)
            {
                drafted++;
            }
        }

        return new Outcome(drafted, Math.Min(due.Count, Batch) - drafted, due.Count > Batch);
    }
}
