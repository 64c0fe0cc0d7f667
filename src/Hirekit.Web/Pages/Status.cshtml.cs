using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hirekit.Web.Pages;

/// <summary>Friendly pages for error statuses of the UI (the API answers problem details instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public (string Title, string Text) Message => Code switch
    {
        403 => ("You do not have access", "Your role does not include this page. Ask an admin if you need it."),
        404 => ("Page not found", "The page does not exist, or it belongs to something you cannot see."),
        429 => ("Too many requests", "Wait a minute and try again."),
        _ => ("Request failed", "The request could not be completed."),
    };

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
