using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Shared;

namespace Hirekit.Web.Pages.Kits;

/// <summary>Common ground of the kit pages: who may edit, the readable problem list of a form, and refusals.</summary>
public abstract class KitPageModel : HirekitPageModel
{
    /// <summary>Admins, recruiters and hiring managers change kits; everyone else reads.</summary>
    public bool CanEdit => KitAccess.CanEdit(Actor);

    /// <summary>Problems of the last submitted form, one readable line each, shown at its top.</summary>
    public IReadOnlyList<string> Problems { get; protected set; } = [];

}
