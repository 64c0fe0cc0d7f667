using Hirekit.Core.Accounts;
using Hirekit.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>A job at a glance: status with its buttons, kit, level, weights and the intake answers with their screen notes.</summary>
public sealed class OverviewModel(JobAccess access, ChangeJobStatus changeStatus, GetCurrentMember currentMember) : JobPageModel(access)
{
    /// <summary>The public careers page of the job while it is open.</summary>
    public string? CareersUrl { get; private set; }

    public IReadOnlyList<IntakeNote> IntakeNotes { get; private set; } = [];

    /// <summary>Competency and weight, highest first.</summary>
    public IReadOnlyList<(string Name, int Weight)> Weights { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        var intake = RoleIntake.Apply(Kit, Job.Intake);
        IntakeNotes = intake.IsSuccess
            ? intake.Value.Notes
            : Job.Intake.Select(a => new IntakeNote(a.Key, Kit.RoleIntake.FirstOrDefault(q => q.Id == a.Key)?.Prompt ?? a.Key, a.Value, "")).ToList();
        Weights = Job.Weights
            .OrderByDescending(w => w.Value)
            .ThenBy(w => JobDisplay.CompetencyName(Kit, w.Key), StringComparer.Ordinal)
            .Select(w => (JobDisplay.CompetencyName(Kit, w.Key), w.Value))
            .ToList();
        if (Job.Status == JobStatuses.Open)
        {
            var me = await currentMember.HandleAsync(Actor, ct);
            CareersUrl = me.IsSuccess ? $"/careers/{me.Value.Organization.Slug}/{Job.Slug}" : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid jobId, string status, CancellationToken ct)
    {
        var result = await changeStatus.HandleAsync(Actor, jobId, status ?? "", ct);
        if (!result.IsSuccess)
        {
            if (JobRefusal(result.Error!) is { } refusal)
            {
                return refusal;
            }

            Flash = result.Error!.Message;
            return Redirect($"/jobs/{jobId}");
        }

        Flash = result.Value.Status switch
        {
            JobStatuses.Open => "The job is open: it is on the careers page and accepts applications.",
            JobStatuses.Paused => "The job is paused: it is off the careers page; the pipeline goes on.",
            JobStatuses.Closed => "The job is closed and off the careers page.",
            _ => "Status changed.",
        };
        return Redirect($"/jobs/{jobId}");
    }
}
