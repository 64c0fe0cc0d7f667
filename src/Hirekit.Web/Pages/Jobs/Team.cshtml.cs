using Hirekit.Core.Accounts;
using Hirekit.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>
/// Who works on a job: hiring managers (admins and hiring managers), recruiters (admins and
/// recruiters) and interviewers (any active member). Being on the team is what lets hiring
/// managers and interviewers see the job.
/// </summary>
public sealed class TeamModel(JobAccess access, GetJobTeam getTeam, SaveJobTeam save, IAccountStore accounts) : JobPageModel(access)
{
    public IReadOnlyList<JobTeamMember> Team { get; private set; } = [];

    /// <summary>Active members of the organisation, by name.</summary>
    public IReadOnlyList<Member> Active { get; private set; } = [];

    [BindProperty]
    public TeamForm Form { get; set; } = new();

    public IEnumerable<Member> HiringManagerChoices => Active.Where(m => m.Role is Role.Admin or Role.HiringManager);

    public IEnumerable<Member> RecruiterChoices => Active.Where(m => m.Role is Role.Admin or Role.Recruiter);

    public IEnumerable<Member> InterviewerChoices => Active;

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        await LoadTeamAsync(ct);
        Form = new TeamForm
        {
            HiringManagers = InRole(JobTeamRoles.HiringManager),
            Recruiters = InRole(JobTeamRoles.Recruiter),
            Interviewers = InRole(JobTeamRoles.Interviewer),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Actor, jobId, new SaveJobTeam.Request(Form.HiringManagers, Form.Recruiters, Form.Interviewers), ct);
            if (result.IsSuccess)
            {
                if (!Actor.SeesAllOfOrganization && result.Value.All(t => t.UserId != Actor.UserId))
                {
                    Flash = $"Team of \"{Job.Title}\" saved. You are no longer on it, so the job has left your list.";
                    return Redirect("/jobs");
                }

                Flash = $"Team saved: {result.Value.Count} member{(result.Value.Count == 1 ? "" : "s")}.";
                return Redirect($"/jobs/{jobId}/team");
            }

            if (JobRefusal(result.Error!) is { } refused)
            {
                return refused;
            }

            AddErrors(result.Error!, nameof(Form));
        }

        await LoadTeamAsync(ct);
        return Page();
    }

    private List<Guid> InRole(string role) => Team.Where(t => t.Role == role).Select(t => t.UserId).ToList();

    private async Task LoadTeamAsync(CancellationToken ct)
    {
        var team = await getTeam.HandleAsync(Actor, Job.Id, ct);
        Team = team.IsSuccess
            ? team.Value.OrderBy(t => JobTeamRoles.All.ToList().IndexOf(t.Role)).ThenBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase).ToList()
            : [];
        Active = (await accounts.ListMembersAsync(Actor.OrganizationId, ct))
            .Where(m => m.IsActive)
            .OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public sealed class TeamForm
    {
        public List<Guid> HiringManagers { get; set; } = [];

        public List<Guid> Recruiters { get; set; } = [];

        public List<Guid> Interviewers { get; set; } = [];
    }
}
