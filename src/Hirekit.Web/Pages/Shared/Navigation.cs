using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Web.Pages.Shared;

public sealed record NavItem(string Label, string Href, string Section);

/// <summary>
/// The main navigation for a member's role. Features add their entry here, so the layout never
/// offers a page the role cannot open.
/// </summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> For(Actor? actor)
    {
        if (actor is null)
        {
            return [];
        }

        // Every member has a jobs and a candidates list; each shows only what they may see.
        var items = new List<NavItem> { new("Dashboard", "/", "dashboard"), new("Jobs", "/jobs", "jobs") };
        items.Add(new NavItem("Candidates", "/candidates", "candidates"));
        items.Add(new NavItem("Kits", "/kits", "kits"));
        items.Add(new NavItem("Question bank", "/questions", "questions"));
        if (actor.Role == Role.Admin)
        {
            items.Add(new NavItem("Users", "/admin/users", "admin-users"));
            items.Add(new NavItem("Audit log", "/admin/audit", "admin-audit"));
            items.Add(new NavItem("Settings", "/admin/settings", "admin-settings"));
        }

        return items;
    }
}
