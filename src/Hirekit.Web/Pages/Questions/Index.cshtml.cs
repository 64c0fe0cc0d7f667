using System.Globalization;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Questions;

/// <summary>
/// The question bank: a GET form of filters over the latest published version of every kit of
/// the organisation, with paging links that keep the filters.
/// </summary>
public sealed class IndexModel(ListKits listKits, LatestKits latestKits, SearchQuestions search) : KitPageModel
{
    public const int PageSize = 20;

    public sealed record Option(string Value, string Label);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "kit")]
    public Guid? KitId { get; set; }

    /// <summary>"competency:{id}" or "trait:{id}".</summary>
    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? LevelCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "retired")]
    public bool IncludeRetired { get; set; }

    /// <summary>Read from the query by hand: "page" is also the route value naming the Razor page.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<KitSummary> Kits { get; private set; } = [];

    public IReadOnlyList<Option> Competencies { get; private set; } = [];

    public IReadOnlyList<Option> Traits { get; private set; } = [];

    public IReadOnlyList<Option> Rounds { get; private set; } = [];

    public Page<QuestionHit>? Results { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Text) || KitId is not null || !string.IsNullOrEmpty(Subject) || !string.IsNullOrEmpty(LevelCode) || !string.IsNullOrEmpty(Round) || !string.IsNullOrEmpty(Kind) || IncludeRetired;

    private readonly Dictionary<(Guid Kit, string Id), string> _names = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        await LoadVocabularyAsync(ct);

        Level? level = null;
        if (!string.IsNullOrEmpty(LevelCode))
        {
            if (Levels.TryParse(LevelCode, out var parsed))
            {
                level = parsed;
            }
            else
            {
                ModelState.AddModelError(string.Empty, "Choose a level from the list.");
                return;
            }
        }

        var (competency, trait) = Subject?.Split(':', 2) switch
        {
            ["competency", var id] when id.Length > 0 => (id, (string?)null),
            ["trait", var id] when id.Length > 0 => (null, id),
            _ => ((string?)null, (string?)null),
        };
        var query = new QuestionQuery(Blank(Text), KitId, competency, trait, level, Blank(Round), Blank(Kind), IncludeRetired, PageNumber, PageSize);
        var result = await search.HandleAsync(Actor, query, ct);
        if (result.IsSuccess)
        {
            Results = result.Value;
        }
        else
        {
            ModelState.AddModelError(string.Empty, result.Error!.Message);
        }
    }

    public string SubjectName(QuestionHit hit) =>
        (hit.Competency ?? hit.Trait) is { } id && _names.TryGetValue((hit.KitId, id), out var name) ? name : hit.Competency ?? hit.Trait ?? "";

    public string RoundName(QuestionHit hit) => _names.TryGetValue((hit.KitId, "round:" + hit.Round), out var name) ? name : hit.Round;

    /// <summary>This search on another page, every filter kept.</summary>
    public string PageHref(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("q", Text);
        Add("kit", KitId?.ToString());
        Add("subject", Subject);
        Add("level", LevelCode);
        Add("round", Round);
        Add("kind", Kind);
        Add("retired", IncludeRetired ? "true" : null);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return "/questions" + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }

    /// <summary>
    /// The names the filters and results show (competencies, traits, rounds), from the latest
    /// published version of each kit; parsed documents come from the cache.
    /// </summary>
    private async Task LoadVocabularyAsync(CancellationToken ct)
    {
        Kits = (await listKits.HandleAsync(Actor, ct)).Where(k => k.LatestVersion is not null).OrderBy(k => k.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var competencies = new Dictionary<string, string>(StringComparer.Ordinal);
        var traits = new Dictionary<string, string>(StringComparer.Ordinal);
        var rounds = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = await latestKits.HandleAsync(Actor, ct);
        foreach (var summary in Kits)
        {
            if (!latest.TryGetValue(summary.Id, out var kit))
            {
                continue;
            }

            foreach (var c in kit.Competencies)
            {
                competencies.TryAdd(c.Id, c.Name);
                _names[(summary.Id, c.Id)] = c.Name;
            }

            foreach (var t in kit.Traits)
            {
                traits.TryAdd(t.Id, t.Name);
                _names[(summary.Id, t.Id)] = t.Name;
            }

            foreach (var r in kit.Rounds)
            {
                rounds.TryAdd(r.Id, r.Name);
                _names[(summary.Id, "round:" + r.Id)] = r.Name;
            }
        }

        Competencies = competencies.Select(p => new Option("competency:" + p.Key, p.Value)).OrderBy(o => o.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        Traits = traits.Select(p => new Option("trait:" + p.Key, p.Value)).OrderBy(o => o.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        Rounds = rounds.Select(p => new Option(p.Key, p.Value)).ToList();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
