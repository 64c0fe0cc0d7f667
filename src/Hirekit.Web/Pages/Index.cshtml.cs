using Hirekit.Core.Accounts;
using Hirekit.Core.Interviews;
using Hirekit.Web.Pages.Shared;

namespace Hirekit.Web.Pages;

/// <summary>The member's own work first: scorecards they owe, then their upcoming interviews.</summary>
public sealed class IndexModel(GetMyWork getWork) : HirekitPageModel
{
    public bool IsAdmin => Actor.Role == Role.Admin;

    public string FirstName => Actor.DisplayName.Split(' ', 2)[0];

    public MyWork Work { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Work = await getWork.HandleAsync(Actor, ct);

    public string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Work.Settings.Zone).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
