using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits;

/// <summary>Common ground of the kit pages: who may edit, the readable problem list of a form, and refusals.</summary>
public abstract class KitPageModel : HirekitPageModel
{
    /// <summary>Admins, recruiters and hiring managers change kits; everyone else reads.</summary>
    public bool CanEdit => KitAccess.CanEdit(Actor);

    /// <summary>Problems of the last submitted form, one readable line each, shown at its top.</summary>
    public IReadOnlyList<string> Problems { get; protected set; } = [];

    /// <summary>
    /// The answer to a use case's failure that is not about the form: the friendly 404 for
    /// anything missing or of another organisation, 403 for a role that may not do it; else null.
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
}
