using Hirekit.Core.Common;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hirekit.Web.Pages.Shared;

/// <summary>Common ground for pages: the acting member, and domain errors copied into the form's ModelState.</summary>
public abstract class HirekitPageModel : PageModel
{
    /// <summary>A one-line confirmation shown after a redirect (post/redirect/get).</summary>
    [TempData]
    public string? Flash { get; set; }

    protected Actor Actor => User.ToActor();

    /// <summary>
    /// Shows an error from a use case on the form: field errors next to their fields (named with
    /// <paramref name="prefix"/>), everything else at the top.
    /// </summary>
    protected void AddErrors(Error error, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                var key = prefix.Length == 0 ? Pascal(field) : $"{prefix}.{Pascal(field)}";
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }
    }

    /// <summary>
    /// The answer to a use case's failure that is not about the form: the friendly 404 for
    /// anything missing, of another organisation or out of the member's reach, 403 for a role that
    /// may not do it; else null (the caller shows the message on the page).
    /// </summary>
    protected IActionResult? Refusal(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ErrorKind.NotFound => NotFound(),
            ErrorKind.Forbidden => Forbid(),
            _ => null,
        };
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
