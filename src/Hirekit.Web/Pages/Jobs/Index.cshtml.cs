using Hirekit.Core.Jobs;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>The jobs a member may see (admins and recruiters: all; others: the jobs whose team they are on), newest first.</summary>
public sealed class IndexModel(ListJobs list) : HirekitPageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public Guid? Next { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public bool CanCreate => JobAccess.CanCreate(Actor);

    public bool SeesAll => Actor.SeesAllOfOrganization;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not null && !JobStatuses.All.Contains(Status))
        {
            Status = null;
        }

        var result = await list.HandleAsync(Actor, new ListJobs.Request(Status, Before, PageSize), ct);
        if (result.IsSuccess)
        {
            Jobs = result.Value.Items;
            Next = result.Value.Next;
        }
    }

    /// <summary>The list's address with a status filter (null for all) and a page start.</summary>
    public static string Href(string? status, Guid? before = null)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add($"status={status}");
        }

        if (before is { } b)
        {
            query.Add($"before={b}");
        }

        return query.Count == 0 ? "/jobs" : $"/jobs?{string.Join("&", query)}";
    }
}
