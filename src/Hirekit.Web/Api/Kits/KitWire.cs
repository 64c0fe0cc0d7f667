using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Web.Api.Kits;

/// <summary>Wire records of the kits API, mapped by hand from the use cases' results.</summary>
public static class KitWire
{
    public sealed record ForkedFrom(Guid KitId, int? Version);

    public sealed record KitSummaryView(Guid Id, string Slug, string Name, string Origin, bool ReadOnly, int? LatestVersion, ForkedFrom? ForkedFrom, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record VersionView(int Number, string Status, string ContentHash, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

    public sealed record VersionListItem(int Number, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedBy);

    /// <param name="Content">The kit in the hirekit-kit/1 model (docs/kit-format.md), as JSON.</param>
    /// <param name="QuestionUses">How often each question was used in interviews of this organisation.</param>
    public sealed record KitVersionView(KitSummaryView Kit, VersionView Version, Kit Content, IReadOnlyList<string> RetiredQuestions, IReadOnlyDictionary<string, int> QuestionUses);

    public sealed record QuestionView(Guid KitId, int Version, Question Question, string? CompetencyName, string? TraitName, string? RoundName, bool Retired, int Uses);

    public sealed record QuestionHitView(Guid KitId, string KitName, int Version, string Key, string Kind, string? Competency, string? Trait, string Round, IReadOnlyList<Level> Levels, string Title, bool Retired, int Uses);

    public sealed record QuestionPage(IReadOnlyList<QuestionHitView> Items, int Page, int PageSize, bool HasMore);

    public sealed record DraftSaved(string ContentHash);

    public sealed record Published(int Version);

    public sealed record ImportResult(KitSummaryView Kit, int Version, bool Created, bool Changed);

    public sealed record ForkRequest([property: StringLength(120)] string? Name, [property: StringLength(64)] string? Slug, [property: Range(1, int.MaxValue)] int? Version);

    public sealed record InfoRequest(
        [property: Required, StringLength(120)] string? Name,
        [property: Required] string? Summary,
        [property: Required] string? Overview,
        bool Public);

    public sealed record DescriptorsRequest([property: Required] string? Junior, [property: Required] string? Mid, [property: Required] string? Senior, [property: Required] string? Principal);

    public sealed record CompetencyRequest(
        string? AreaId,
        [property: Required, StringLength(120)] string? Name,
        [property: Required] string? Definition,
        [property: Required] DescriptorsRequest? Descriptors,
        IReadOnlyList<string>? Topics);

    public sealed record TraitRequest([property: Required, StringLength(120)] string? Name, [property: Required] string? Definition);

    public sealed record IndicatorRequest([property: Required] string? Text, IReadOnlyList<string>? Cues);

    public sealed record QuestionRequest(
        [property: Required] string? Kind,
        string? Competency,
        string? Trait,
        [property: Required, MinLength(1)] IReadOnlyList<Level>? Levels,
        [property: Required] string? Round,
        [property: Required, StringLength(120)] string? Title,
        [property: Required] string? Prompt,
        IReadOnlyList<IndicatorRequest>? Positive,
        IReadOnlyList<IndicatorRequest>? Negative,
        IReadOnlyList<string>? FollowUps,
        string? ModelAnswer,
        IReadOnlyList<string>? AssessmentPoints,
        IReadOnlyList<IndicatorRequest>? Pitfalls,
        IReadOnlyList<string>? RedFlags,
        IReadOnlyList<string>? StrongAnswer);

    public sealed record OrderRequest([property: Required] IReadOnlyList<string>? QuestionIds);

    public static KitSummaryView View(KitSummary k) =>
        new(k.Id, k.Slug, k.Name, k.Origin, k.ReadOnly, k.LatestVersion, k.ForkedFromKitId is { } id ? new ForkedFrom(id, k.ForkedFromVersion) : null, k.CreatedAt, k.UpdatedAt);

    public static KitVersionView View(KitView v) =>
        new(View(v.Summary), new VersionView(v.Version.Number, v.Version.Status, v.Version.ContentHash, v.Version.CreatedAt, v.Version.PublishedAt), v.Kit, v.Retired.Order(StringComparer.Ordinal).ToList(), v.Uses);

    public static Question ToQuestion(string id, QuestionRequest r) => new(
        id,
        r.Kind!,
        Empty(r.Competency),
        Empty(r.Trait),
        r.Levels!.ToValueList(),
        r.Round!,
        r.Title!.Trim(),
        r.Prompt!.Trim(),
        Indicators(r.Positive),
        Indicators(r.Negative),
        Texts(r.FollowUps),
        Empty(r.ModelAnswer),
        Texts(r.AssessmentPoints),
        Indicators(r.Pitfalls),
        Texts(r.RedFlags),
        Texts(r.StrongAnswer));

    public static IReadOnlyList<Level> LevelsOf(int mask) => Levels.All.Where(l => (mask & QuestionProjection.Bit(l)) != 0).ToList();

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ValueList<string> Texts(IReadOnlyList<string>? items) => (items ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToValueList();

    private static ValueList<Indicator> Indicators(IReadOnlyList<IndicatorRequest>? items) =>
        (items ?? []).Select(i => new Indicator(i.Text?.Trim() ?? "", Texts(i.Cues))).ToValueList();
}
