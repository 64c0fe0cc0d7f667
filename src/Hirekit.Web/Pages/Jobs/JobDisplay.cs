using System.Globalization;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>A status change a job's editors may make from its current status.</summary>
public sealed record StatusAction(string Status, string Label, string Explanation, bool Danger);

/// <summary>Words and formats the job pages share, so a status or a stage kind reads the same everywhere.</summary>
public static class JobDisplay
{
    public static string StatusLabel(string status) => status switch
    {
        JobStatuses.Draft => "Draft",
        JobStatuses.Open => "Open",
        JobStatuses.Paused => "Paused",
        JobStatuses.Closed => "Closed",
        _ => status,
    };

    /// <summary>What the status means for candidates, in one sentence.</summary>
    public static string StatusMeaning(string status) => status switch
    {
        JobStatuses.Draft => "Being prepared: not on the careers page yet.",
        JobStatuses.Open => "On the careers page and accepting applications.",
        JobStatuses.Paused => "Off the careers page for now; candidates already in the pipeline go on.",
        JobStatuses.Closed => "Finished and off the careers page.",
        _ => "",
    };

    /// <summary>The changes <see cref="ChangeJobStatus"/> allows from <paramref name="status"/>, in the order people look for them.</summary>
    public static IReadOnlyList<StatusAction> ActionsFrom(string status) => status switch
    {
        JobStatuses.Draft =>
        [
            new(JobStatuses.Open, "Open", "Publish it on the careers page.", false),
            new(JobStatuses.Closed, "Close", "Abandon this draft.", true),
        ],
        JobStatuses.Open =>
        [
            new(JobStatuses.Paused, "Pause", "Take it off the careers page for now.", false),
            new(JobStatuses.Closed, "Close", "End the search for good.", true),
        ],
        JobStatuses.Paused =>
        [
            new(JobStatuses.Open, "Reopen", "Put it back on the careers page.", false),
            new(JobStatuses.Closed, "Close", "End the search for good.", true),
        ],
        JobStatuses.Closed => [new(JobStatuses.Open, "Reopen", "Publish it on the careers page again.", false)],
        _ => [],
    };

    public static string StageKindLabel(string kind) => kind switch
    {
        "cv_review" => "CV review",
        "pre_screen" => "Pre-screen call",
        "async_screen" => "Written async screen",
        "technical" => "Technical interview",
        "system_design" => "System design",
        "code_review" => "Code review",
        "knowledge" => "Knowledge interview",
        "behavioural" => "Behavioural interview",
        "hiring_manager" => "Hiring manager conversation",
        _ => kind,
    };

    public static string QuestionKindLabel(string kind) => kind switch
    {
        "competency" => "Competency questions",
        "attitude" => "Attitude questions",
        "technical" => "Technical questions",
        "focus" => "Focus problems",
        "screen" => "Written-screen questions",
        "design" => "Design problems",
        _ => kind,
    };

    public static string TeamRoleLabel(string role) => role switch
    {
        JobTeamRoles.HiringManager => "Hiring manager",
        JobTeamRoles.Recruiter => "Recruiter",
        JobTeamRoles.Interviewer => "Interviewer",
        _ => role,
    };

    public static string Levels(IEnumerable<Level> levels) => string.Join(", ", levels.Order().Select(l => l.Label()));

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Location(JobLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var code = location.Code is null ? "" : $" ({location.Code})";
        return $"{location.Name}{code}{(location.Remote ? ", remote" : "")}";
    }

    public static string? SpecialisationName(Kit kit, string? id) =>
        id is null ? null : kit?.Specialisations.FirstOrDefault(s => s.Id == id)?.Name ?? id;

    public static string? LoopTemplateName(Kit kit, string? id) =>
        id is null ? null : kit?.LoopTemplates.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public static string CompetencyName(Kit kit, string id) => kit?.FindCompetency(id)?.Name ?? id;

    public static string TraitName(Kit kit, string id) => kit?.FindTrait(id)?.Name ?? id;
}

/// <summary>The model of the heading and section tabs every page of a job starts with.</summary>
public sealed record JobHeader(Job Job, string Section);
