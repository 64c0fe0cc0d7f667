using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Onboarding;

public static class OnboardingItemKinds
{
    /// <summary>From the kit's 30/60/90 template.</summary>
    public const string Template = "template";

    /// <summary>A growth area from the debrief, turned into a goal.</summary>
    public const string Growth = "growth";
}

public sealed record OnboardingItem(
    Guid Id,
    int Position,
    string PhaseId,
    string PhaseTitle,
    string Title,
    string Description,
    string Owner,
    DateOnly DueDate,
    string Kind,
    DateTimeOffset? DoneAt,
    Guid? DoneBy);

public sealed record OnboardingPlan(Guid Id, Guid OrganizationId, Guid ApplicationId, Guid OfferId, DateOnly StartDate, IReadOnlyList<OnboardingItem> Items, DateTimeOffset CreatedAt, DateTimeOffset LinkExpiresAt);

/// <summary>A plan as the new hire sees it through their link.</summary>
public sealed record PublishedPlan(OnboardingPlan Plan, string HireName, string JobTitle, string OrganizationName);

/// <summary>A competency the debrief placed below the level hired at.</summary>
public sealed record GrowthArea(string CompetencyId, string Name, Level Assessed, Level Goal, string GoalDescriptor);

/// <summary>
/// Builds the 90-day plan: every item of the kit's onboarding template, due on the last day of
/// its phase counted from the start date (day 1 is the start date), then one goal per growth area
/// from the debrief, due at the end of the plan. Owners are the template's roles.
/// </summary>
public static class OnboardingPlanBuilder
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(180);

    public static IReadOnlyList<OnboardingItem> Build(Kit kit, DateOnly startDate, IReadOnlyList<GrowthArea> growth)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(growth);
        var items = new List<OnboardingItem>();
        var phases = kit.Onboarding?.Phases ?? ValueList<OnboardingPhase>.Empty;
        foreach (var phase in phases)
        {
            foreach (var item in phase.Items)
            {
                items.Add(new OnboardingItem(Ids.New(), items.Count, phase.Id, phase.Title, item.Title, item.Description, item.Owner, Due(startDate, phase.EndDay), OnboardingItemKinds.Template, null, null));
            }
        }

        var lastDay = phases.Count > 0 ? phases.Max(p => p.EndDay) : 90;
        var lastPhase = phases.Count > 0 ? phases.MaxBy(p => p.EndDay)! : null;
        foreach (var area in growth)
        {
            items.Add(new OnboardingItem(
                Ids.New(),
                items.Count,
                lastPhase?.Id ?? "growth",
                lastPhase?.Title ?? "Growth goals",
                $"Grow {area.Name} towards {area.Goal.Label()}",
                $"The interviews placed this at {area.Assessed.Label()}. By the end of the plan, work towards this: {area.GoalDescriptor} Agree one concrete piece of work that shows it, and review it together.",
                "hiring_manager",
                Due(startDate, lastDay),
                OnboardingItemKinds.Growth,
                null,
                null));
        }

        return items;
    }

    public static DateOnly Due(DateOnly startDate, int day) => startDate.AddDays(Math.Max(1, day) - 1);

    /// <summary>The competencies assessed below <paramref name="hiredAt"/>, with the descriptor to aim for.</summary>
    public static IReadOnlyList<GrowthArea> GrowthAreas(Kit kit, Debriefs.LevellingResult levelling, Level hiredAt)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(levelling);
        return levelling.Competencies
            .Where(l => l.Assessed is { } a && a < hiredAt && kit.FindCompetency(l.CompetencyId) is not null)
            .Select(l => new GrowthArea(l.CompetencyId, l.Name, l.Assessed!.Value, hiredAt, kit.FindCompetency(l.CompetencyId)!.Descriptors.For(hiredAt)))
            .ToList();
    }
}

/// <summary>A plan to write with the offer's acceptance: the plan, the hash of the new hire's link, and the mail that carries the link.</summary>
public sealed record NewOnboarding(OnboardingPlan Plan, string TokenHash, OutgoingMail Mail);

public static class OnboardingOwners
{
    public static string Label(string owner) => owner switch
    {
        "hiring_manager" => "Hiring manager",
        "new_hire" => "New hire",
        "buddy" => "Buddy",
        "team" => "Team",
        _ => owner.Replace('_', ' '),
    };
}

public interface IOnboardingStore
{
    Task<OnboardingPlan?> FindForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>Marks an item done (or not done); false when the plan has no such item.</summary>
    Task<bool> SetDoneAsync(Guid organizationId, Guid planId, Guid itemId, DateTimeOffset? doneAt, Guid? doneBy, AuditEntry audit, CancellationToken ct);

    /// <summary>Replaces the new hire's link (the old one stops working) and queues the mail that carries the new one.</summary>
    Task<bool> ReplaceLinkAsync(Guid organizationId, Guid planId, string tokenHash, DateTimeOffset expiresAt, OutgoingMail mail, AuditEntry audit, CancellationToken ct);

    /// <summary>The plan a new hire's link points at (by the token's hash), with names; null when there is none.</summary>
    Task<PublishedPlan?> FindPublishedAsync(string tokenHash, CancellationToken ct);
}
