using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Jobs;
using Hirekit.Core.Settings;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// Schedules an interview for an application. A double booking is shown with the clashing times
/// and a "Schedule anyway" button; nothing is written until the scheduler decides.
/// </summary>
public sealed class ScheduleModel(GetApplication getApplication, ApplicationAccess access, ScheduleInterview schedule, IAccountStore accounts, GetOrganizationSettings getSettings, TimeProvider time) : HirekitPageModel
{
    public ApplicationDetails Application { get; private set; } = null!;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public OrganizationSettings Settings { get; private set; } = OrganizationSettings.Default;

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>The double bookings the last attempt found, to confirm or change.</summary>
    public IReadOnlyList<string> DoubleBookings { get; private set; } = [];

    public IReadOnlyList<FormError> Errors => FormErrors.Summary(ModelState, FormErrors.IdOf, ["Input.StageId", "Input.Start", "Input.DurationMinutes", "Input.Interviewers", "Input.Location", "Input.VideoUrl"]);

    public IEnumerable<LoopStage> Stages => Application.Loop;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, Guid? stageId, CancellationToken ct)
    {
        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        var stage = Stages.FirstOrDefault(s => s.Id == stageId) ?? Stages.FirstOrDefault(s => s.Id == Application.Summary.Application.StageId) ?? Stages.FirstOrDefault();
        var tomorrow = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Settings.Zone).Date.AddDays(1).AddHours(10);
        Input = new Form
        {
            StageId = stage?.Id,
            Start = tomorrow.ToString(ScheduleForm.LocalFormat, System.Globalization.CultureInfo.InvariantCulture),
            DurationMinutes = stage?.DurationMinutes,
            Interviewers = [.. stage?.Interviewers ?? []],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        var start = Input.StartInstant(Settings);
        if (Input.Start is not null && start is null)
        {
            ModelState.AddModelError("Input.Start", "Enter a date and time.");
        }

        if (Input.StageId is null)
        {
            ModelState.AddModelError("Input.StageId", "Choose the stage of the loop this interview is for.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await schedule.HandleAsync(Actor, new ScheduleInterview.Request(
            applicationId, Input.StageId!.Value, start!.Value, Input.DurationMinutes, Input.Interviewers.Count == 0 ? null : Input.Interviewers,
            Input.Location, Input.VideoUrl, Input.NotifyCandidate, Input.AllowDoubleBooking), ct);
        if (result.IsSuccess)
        {
            Flash = "Interview scheduled. The invitations are on their way.";
            return Redirect($"/interviews/{result.Value.Interview.Id}");
        }

        if (result.Error!.Code == "interview.double_booked")
        {
            DoubleBookings = result.Error.Fields?["interviewers"] ?? [];
            return Page();
        }

        ScheduleErrors.Add(ModelState, result.Error, "Input");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var editable = await access.EditableAsync(Actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }

        Application = (await getApplication.HandleAsync(Actor, applicationId, ct)).Value;
        Members = (await accounts.ListMembersAsync(Actor.OrganizationId, ct)).Where(m => m.IsActive).OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        Settings = await getSettings.HandleAsync(Actor, ct);
        return null;
    }

    public sealed class Form : ScheduleForm
    {
        public Guid? StageId { get; set; }
    }
}
