using System.Text.RegularExpressions;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Jobs;

/// <summary>
/// Saves the job ad: title, place, employment and the structured description. Answers with the
/// lint findings, which guide rather than block: a description with findings is still saved.
/// </summary>
public sealed partial class UpdateJobDescription(IJobStore jobs, JobAccess access, TimeProvider time)
{
    public const int MaxSection = 4000;

    public sealed record Request(
        string Title,
        string Location,
        string? LocationCode,
        bool Remote,
        string EmploymentType,
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

    public sealed record Response(Job Job, IReadOnlyList<LintFinding> Findings);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid jobId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await access.EditableAsync(actor, jobId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var fields = new Dictionary<string, string[]>();
        var title = request.Title?.Trim() ?? "";
        var location = request.Location?.Trim() ?? "";
        var code = string.IsNullOrWhiteSpace(request.LocationCode) ? null : request.LocationCode.Trim().ToUpperInvariant();
        if (title.Length is 0 or > CreateJob.MaxTitle)
        {
            fields["title"] = [$"Give the job a title of 1 to {CreateJob.MaxTitle} characters."];
        }

        if (location.Length is 0 or > 120)
        {
            fields["location"] = ["Say where the job is, at most 120 characters."];
        }

        if (code is not null && !LocationCodePattern().IsMatch(code))
        {
            fields["locationCode"] = ["Use a country code with an optional region, e.g. US-CA, DE or EU."];
        }

        if (!EmploymentTypes.All.Contains(request.EmploymentType))
        {
            fields["employmentType"] = [$"Choose one of {string.Join(", ", EmploymentTypes.All)}."];
        }

        var kit = context.Value.Kit;
        if (request.CompensationRegion is { } region && kit.Compensation?.Regions.Any(r => r.Id == region) != true)
        {
            fields["compensationRegion"] = ["Choose one of the kit's compensation regions."];
        }

        if (request.Pay is { } pay && (pay.Min < 0 || pay.Max < pay.Min || pay.Max > 100_000_000 || !CurrencyPattern().IsMatch(pay.Currency ?? "")))
        {
            fields["pay"] = ["Give a yearly range with min <= max and a three-letter currency code (EUR, USD...)."];
        }

        var sections = new[] { request.About, request.StackPrimary, request.StackDetails, request.Scale, request.Challenge, request.SuccessCriteria, request.Team };
        if (sections.Any(s => s?.Length > MaxSection))
        {
            fields["description"] = [$"Keep each section under {MaxSection} characters."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("job.invalid", "Some fields need attention.", fields);
        }

        var description = new JobDescription(
            Clean(request.About), Clean(request.StackPrimary), Clean(request.StackDetails), Clean(request.Scale),
            Clean(request.Challenge), Clean(request.SuccessCriteria), Clean(request.Team), request.Pay is { } p ? p with { Currency = p.Currency.ToUpperInvariant() } : null);
        var now = time.GetUtcNow();
        var job = context.Value.Job with
        {
            Title = title,
            Location = new JobLocation(location, code, request.Remote),
            EmploymentType = request.EmploymentType,
            CompensationRegion = request.CompensationRegion,
            ValidThrough = request.ValidThrough,
            Description = description,
            UpdatedAt = now,
        };
        await jobs.UpdateAsync(job, AuditEntry.For(actor, "job.description_updated", "job", job.Id, now), ct);
        return new Response(job, LintJob.Lint(new JobContext(job, kit)));
    }

    private static string Clean(string? text) => text?.Trim() ?? "";

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    private static partial Regex LocationCodePattern();

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyPattern();
}

/// <summary>
/// Opens, pauses, reopens or closes a job. Open jobs are on the careers page; the first opening
/// stamps the posting date and, when none was set, a validity of 60 days.
/// </summary>
public sealed class ChangeJobStatus(IJobStore jobs, JobAccess access, TimeProvider time)
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(60);

    public async Task<Result<Job>> HandleAsync(Actor actor, Guid jobId, string status, CancellationToken ct)
    {
        var context = await access.EditableAsync(actor, jobId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        if (!JobStatuses.All.Contains(status) || status == JobStatuses.Draft)
        {
            return Error.Validation("status", "Status must be open, paused or closed.");
        }

        var job = context.Value.Job;
        if (job.Status == status)
        {
            return job;
        }

        if (status == JobStatuses.Paused && job.Status != JobStatuses.Open)
        {
            return Error.Conflict("job.not_open", "Only an open job can be paused.");
        }

        var now = time.GetUtcNow();
        var updated = job with
        {
            Status = status,
            OpenedAt = status == JobStatuses.Open ? job.OpenedAt ?? now : job.OpenedAt,
            ClosedAt = status == JobStatuses.Closed ? now : null,
            ValidThrough = status == JobStatuses.Open && job.ValidThrough is null ? DateOnly.FromDateTime((now + DefaultValidity).UtcDateTime) : job.ValidThrough,
            UpdatedAt = now,
        };
        await jobs.UpdateAsync(updated, AuditEntry.For(actor, status == JobStatuses.Open ? "job.opened" : $"job.{status}", "job", job.Id, now, $"{job.Status} -> {status}"), ct);
        return updated;
    }
}
