using System.Globalization;
using Hirekit.Core.Candidates;
using Hirekit.Core.Jobs;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>A stage a move form offers: its form value ("applied", "loop:{id}", "offer", "hired") and its name.</summary>
public sealed record StageOption(string Value, string Label);

/// <summary>How the recruiting pages word stages, reasons, sources and dates, and how stage choices travel in forms.</summary>
public static class RecruitingText
{
    public const string LoopPrefix = "loop:";

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The stages of the candidate-list filter: loop stages are one choice, the list cannot tell them apart.</summary>
    public static IReadOnlyList<StageOption> FilterStages { get; } =
    [
        new(PipelineStages.Applied, "Applied"),
        new(PipelineStages.Loop, "In an interview stage"),
        new(PipelineStages.Offer, "Offer"),
        new(PipelineStages.Hired, "Hired"),
        new(PipelineStages.Rejected, "Rejected"),
        new(PipelineStages.Withdrawn, "Withdrawn"),
    ];

    public static string StageLabel(string stage) => stage switch
    {
        PipelineStages.Applied => "Applied",
        PipelineStages.Loop => "Interview stage",
        PipelineStages.Offer => "Offer",
        PipelineStages.Hired => "Hired",
        PipelineStages.Rejected => "Rejected",
        PipelineStages.Withdrawn => "Withdrawn",
        _ => stage,
    };

    /// <summary>A stage's name: the loop stage's own name when it is one and still in the loop.</summary>
    public static string StageName(string stage, Guid? stageId, IReadOnlyList<LoopStage>? loop, string? knownName = null)
    {
        if (stage != PipelineStages.Loop)
        {
            return StageLabel(stage);
        }

        return knownName ?? (stageId is { } id ? loop?.FirstOrDefault(s => s.Id == id)?.Name : null) ?? "Interview stage (removed from the loop)";
    }

    /// <summary>The stages an application can be moved to from a form: Applied, each loop stage, Offer and Hired.</summary>
    public static IReadOnlyList<StageOption> MoveTargets(IReadOnlyList<LoopStage> loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var options = new List<StageOption> { new(PipelineStages.Applied, "Applied") };
        options.AddRange(loop.Select(s => new StageOption(LoopPrefix + s.Id.ToString(), s.Name)));
        options.Add(new(PipelineStages.Offer, "Offer"));
        options.Add(new(PipelineStages.Hired, "Hired"));
        return options;
    }

    public static string StageValue(string stage, Guid? stageId) =>
        stage == PipelineStages.Loop && stageId is { } id ? LoopPrefix + id.ToString() : stage;

    /// <summary>Reads a move form's stage value; null when it is not one a form offers.</summary>
    public static (string Stage, Guid? StageId)? ParseStage(string? value) => value switch
    {
        null => null,
        PipelineStages.Applied or PipelineStages.Offer or PipelineStages.Hired => (value, null),
        _ when value.StartsWith(LoopPrefix, StringComparison.Ordinal) && Guid.TryParse(value.AsSpan(LoopPrefix.Length), out var id) => (PipelineStages.Loop, id),
        _ => null,
    };

    public static string StageClass(string stage) => stage switch
    {
        PipelineStages.Hired => "badge ok",
        PipelineStages.Rejected => "badge danger",
        PipelineStages.Withdrawn => "badge off",
        _ => "badge info",
    };

    public static string Reason(string? code) =>
        code is null ? "" : RejectReasons.All.FirstOrDefault(r => r.Code == code) is { Label: { } label } ? label : code;

    public static string Source(string source) => source switch
    {
        "manual" => "Added by hand",
        "careers" => "Careers page",
        "import" => "CSV import",
        "json-resume" => "JSON Resume",
        "referral" => "Referral",
        _ => source,
    };

    /// <summary>Sources people commonly type, offered as suggestions (any short word is fine).</summary>
    public static IReadOnlyList<string> SuggestedSources { get; } = ["manual", "referral", "careers", "sourcing", "agency", "event", "import", "json-resume"];

    public static string EventKind(string kind) => kind switch
    {
        "applied" => "Added to the pipeline",
        "moved" => "Moved",
        "rejected" => "Rejected",
        "withdrawn" => "Withdrew",
        _ => kind,
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
