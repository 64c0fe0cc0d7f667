using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

/// <summary>
/// Opens a job from a published kit version and a target level through the kit's role-intake
/// questions. The answers choose the specialisation, the competency weights and the loop template;
/// the loop starts as a copy of that template (retired questions left out); the primary-stack
/// answer seeds the description. The job starts as a draft, off the careers page.
/// </summary>
public sealed partial class CreateJob(IJobStore jobs, IKitStore kits, IQuestionBankStore bank, KitDocumentCache cache, TimeProvider time)
{
    public const int MaxTitle = 120;

    public sealed record Request(
        Guid KitId,
        int? KitVersion,
        string Title,
        Level TargetLevel,
        IReadOnlyDictionary<string, string> Intake,
        string Location,
        string? LocationCode,
        bool Remote,
        string EmploymentType,
        string? CompensationRegion);

    public sealed record Response(Job Job, IntakeOutcome Intake, IReadOnlyList<LoopStage> Loop, string? LevelNote);

    public async Task<Result<Response>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!JobAccess.CanCreate(actor))
        {
            return Error.Forbidden("job.forbidden", "Only admins, recruiters and hiring managers open jobs.");
        }

        var fields = new Dictionary<string, string[]>();
        var title = request.Title?.Trim() ?? "";
        var location = request.Location?.Trim() ?? "";
        var locationCode = string.IsNullOrWhiteSpace(request.LocationCode) ? null : request.LocationCode.Trim().ToUpperInvariant();
        if (title.Length is 0 or > MaxTitle)
        {
            fields["title"] = [$"Give the job a title of 1 to {MaxTitle} characters."];
        }

        if (location.Length is 0 or > 120)
        {
            fields["location"] = ["Say where the job is (a city, a country or 'Remote'), at most 120 characters."];
        }

        if (locationCode is not null && !LocationCodePattern().IsMatch(locationCode))
        {
            fields["locationCode"] = ["Use a country code with an optional region, e.g. US-CA, DE or EU."];
        }

        if (!EmploymentTypes.All.Contains(request.EmploymentType))
        {
            fields["employmentType"] = [$"Choose one of {string.Join(", ", EmploymentTypes.All)}."];
        }

        if (!Enum.IsDefined(request.TargetLevel))
        {
            fields["targetLevel"] = ["Choose junior, mid, senior or principal."];
        }

        var summary = await kits.FindAsync(actor.OrganizationId, request.KitId, ct);
        var number = request.KitVersion ?? summary?.LatestVersion;
        var version = summary is null || number is null ? null : await kits.FindVersionAsync(actor.OrganizationId, summary.Id, number.Value, ct);
        if (version is null || version.Status != KitVersionStatuses.Published)
        {
            return Error.NotFound("kit.version_not_found", "Choose a published version of one of the organisation's kits.");
        }

        var kit = cache.Get(version.ContentHash, version.Document);
        if (request.CompensationRegion is { } region && kit.Compensation?.Regions.Any(r => r.Id == region) != true)
        {
            fields["compensationRegion"] = [$"Choose one of the kit's regions: {string.Join(", ", kit.Compensation?.Regions.Select(r => r.Id) ?? [])}."];
        }

        var intake = RoleIntake.Apply(kit, request.Intake ?? new Dictionary<string, string>());
        if (!intake.IsSuccess)
        {
            foreach (var (field, messages) in intake.Error!.Fields ?? new Dictionary<string, string[]>())
            {
                fields[field] = messages;
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation("job.invalid", "Some fields need attention.", fields);
        }

        var outcome = intake.Value;
        var retired = await bank.ListRetiredAsync(actor.OrganizationId, summary!.Id, ct);
        var loop = LoopFromTemplate(kit, outcome.LoopTemplate, retired);
        var now = time.GetUtcNow();
        var slug = await FreeSlugAsync(actor.OrganizationId, title, ct);
        var primaryStack = request.Intake!.TryGetValue("primary-stack", out var stack) ? stack.Trim() : "";
        var job = new Job(
            Ids.New(), actor.OrganizationId, slug, title, JobStatuses.Draft, summary.Id, version.Id, version.Number, request.TargetLevel,
            outcome.Specialisation, outcome.LoopTemplate, request.Intake, outcome.Weights,
            new JobLocation(location, locationCode, request.Remote), request.EmploymentType, request.CompensationRegion,
            JobDescription.Empty with { StackPrimary = primaryStack }, null, null, null, now, now);
        var team = actor.Role switch
        {
            Role.HiringManager => [new TeamAssignment(actor.UserId, JobTeamRoles.HiringManager)],
            Role.Recruiter => new List<TeamAssignment> { new(actor.UserId, JobTeamRoles.Recruiter) },
            _ => [],
        };
        if (!await jobs.CreateAsync(job, loop, team, AuditEntry.For(actor, "job.created", "job", job.Id, now, $"{kit.Info.Slug} v{version.Number}, {request.TargetLevel.Code()}"), ct))
        {
            return Error.Conflict("job.slug_taken", "A job with this address was created at the same moment; try again.");
        }

        var levelNote = outcome.ImpliedLevel is { } implied && implied != request.TargetLevel
            ? $"The intake answers describe a {implied.Label()} role, but the target level is {request.TargetLevel.Label()}. Check that they agree before opening the job."
            : null;
        return new Response(job, outcome, loop, levelNote);
    }

    public static IReadOnlyList<LoopStage> LoopFromTemplate(Kit kit, string templateId, IReadOnlySet<string> retired)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(retired);
        var template = kit.LoopTemplates.FirstOrDefault(t => t.Id == templateId);
        return template is null
            ? []
            : template.Stages.Select(s => new LoopStage(
                Ids.New(), s.Kind, s.Name, s.DurationMax, s.Focus, s.Traits, s.Questions.Where(q => !retired.Contains(q)).ToList(), s.Exercise, s.WrittenScreen, [])).ToList();
    }

    private async Task<string> FreeSlugAsync(Guid organizationId, string title, CancellationToken ct)
    {
        var slug = Slugs.From(title, 60);
        for (var n = 2; await jobs.SlugExistsAsync(organizationId, slug, ct); n++)
        {
            slug = $"{Slugs.From(title, 55)}-{n}";
        }

        return slug;
    }

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    private static partial Regex LocationCodePattern();
}
