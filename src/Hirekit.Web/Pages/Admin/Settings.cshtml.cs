using Hirekit.Core.Mail;
using Hirekit.Core.Settings;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Admin;

/// <summary>The organisation's settings (time zone, scorecard independence) and the state of outgoing mail.</summary>
public sealed class SettingsModel(GetOrganizationSettings getSettings, UpdateOrganizationSettings update, ListRecentMail recentMail) : HirekitPageModel
{
    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public IReadOnlyList<string> Zones { get; } = TimeZones.Known();

    public IReadOnlyList<OutboxEntry> RecentMail { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await getSettings.HandleAsync(Actor, ct);
        Form = new SettingsForm { TimeZone = settings.TimeZone, ScorecardVisibility = settings.ScorecardVisibility };
        RecentMail = (await recentMail.HandleAsync(Actor, ct)).Value;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await update.HandleAsync(Actor, new UpdateOrganizationSettings.Request(Form.TimeZone, Form.ScorecardVisibility), ct);
        if (result.IsSuccess)
        {
            Flash = "Settings saved.";
            return RedirectToPage();
        }

        AddErrors(result.Error!, nameof(Form));
        RecentMail = (await recentMail.HandleAsync(Actor, ct)).Value;
        return Page();
    }

    public static string VisibilityLabel(string value) => value switch
    {
        ScorecardVisibilities.AfterOwnSubmission => "After their own is submitted (recommended): interviewers read the others' scorecards once theirs is in.",
        ScorecardVisibilities.Always => "Always: interviewers read submitted scorecards at any time.",
        _ => "Never: interviewers read only their own; hiring managers and recruiters read all.",
    };

    public sealed class SettingsForm
    {
        public string? TimeZone { get; set; }

        public string? ScorecardVisibility { get; set; }
    }
}
