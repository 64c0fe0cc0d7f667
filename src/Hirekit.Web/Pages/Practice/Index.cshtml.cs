using Hirekit.Core.Practice;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Practice;

/// <summary>The practice questions of the public shipped kits, grouped by competency or trait, with a simple filter.</summary>
public sealed class IndexModel(PracticeCatalog catalog) : HirekitPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<IGrouping<string, PracticeQuestion>> Groups { get; private set; } = [];

    public int Total => catalog.Questions.Count;

    public void OnGet()
    {
        var kind = PracticeCatalog.Kinds.Contains(Kind) ? Kind : null;
        Groups = catalog.Search(Query?.Length > 200 ? Query[..200] : Query, kind).GroupBy(q => q.Group).ToList();
    }

    public static string KindLabel(string kind) => kind switch
    {
        "competency" => "Competency",
        "technical" => "Technical",
        "design" => "System design",
        "attitude" => "Behaviour and attitude",
        _ => kind,
    };
}
