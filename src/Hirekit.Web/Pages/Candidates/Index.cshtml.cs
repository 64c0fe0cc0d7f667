using Hirekit.Core.Candidates;
using Hirekit.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// The candidate list: a GET form of search and filters, sorted newest first or by name, a keyset
/// page at a time with "Next page" and "First page" links that keep the filters. No total is
/// counted. Interviewers and hiring managers see the candidates of their jobs only (the use case
/// scopes it).
/// </summary>
public sealed class IndexModel(ListCandidates listCandidates, ListJobs listJobs) : RecruitingPageModel
{
    public const int PageSize = 25;

    /// <summary>How many jobs the job filter offers (the newest the member may see).</summary>
    public const int JobChoices = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "job")]
    public string? Job { get; set; }

    [BindProperty(SupportsGet = true, Name = "stage")]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>The opaque cursor of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public ListCandidates.Response? Results { get; private set; }

    public string SortValue => Sort == CandidateSorts.Name ? CandidateSorts.Name : CandidateSorts.Newest;

    public bool Filtered => !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrEmpty(Job) || !string.IsNullOrEmpty(Stage) || !string.IsNullOrWhiteSpace(Source);

    public bool FirstPage => string.IsNullOrEmpty(After);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var jobs = await listJobs.HandleAsync(Actor, new ListJobs.Request(null, null, JobChoices), ct);
        Jobs = jobs.IsSuccess ? jobs.Value.Items : [];

        Guid? jobId = null;
        if (!string.IsNullOrEmpty(Job))
        {
            if (Guid.TryParse(Job, out var parsed))
            {
                jobId = parsed;
            }
            else
            {
                ModelState.AddModelError("job", "Choose a job from the list.");
            }
        }

        if (!string.IsNullOrEmpty(Stage) && !PipelineStages.All.Contains(Stage))
        {
            ModelState.AddModelError("stage", "Choose a stage from the list.");
        }

        if (!string.IsNullOrEmpty(Sort) && !CandidateSorts.All.Contains(Sort))
        {
            ModelState.AddModelError("sort", "Sort by newest or by name.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var query = new CandidateQuery(Blank(Text), jobId, Blank(Stage), Blank(Source), SortValue, Blank(After), PageSize);
        var result = await listCandidates.HandleAsync(Actor, query, ct);
        if (result.IsSuccess)
        {
            Results = result.Value;
        }
        else if (result.Error!.Fields?.ContainsKey("after") == true)
        {
            ModelState.AddModelError(string.Empty, "That page link is out of date. Start again from the first page.");
        }
        else
        {
            AddErrors(result.Error!);
        }
    }

    /// <summary>This search at another cursor (null: the first page), every filter kept.</summary>
    public string PageHref(string? after)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value.Trim()));
            }
        }

        Add("q", Text);
        Add("job", Job);
        Add("stage", Stage);
        Add("source", Source);
        Add("sort", Sort == CandidateSorts.Name ? CandidateSorts.Name : null);
        Add("after", after);
        return "/candidates" + QueryString.Create(query).ToUriComponent();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
