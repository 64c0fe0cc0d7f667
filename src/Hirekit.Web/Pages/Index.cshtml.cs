using Hirekit.Core.Accounts;
using Hirekit.Web.Pages.Shared;

namespace Hirekit.Web.Pages;

public sealed class IndexModel : HirekitPageModel
{
    public bool IsAdmin => Actor.Role == Role.Admin;

    public string FirstName => Actor.DisplayName.Split(' ', 2)[0];

    public void OnGet()
    {
    }
}
