using System.Text;
using Hirekit.Core.Accounts;
using Hirekit.Core.Interviews;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// One interview: when, where, who, its invitation as a file, and for managers of the job the
/// forms to reschedule (the invitations update) and to cancel (they are withdrawn).
/// </summary>
public sealed class IndexModel(GetInterview getInterview, GetInterviewInvite invite, RescheduleInterview reschedule, CancelInterview cancel, IAccountStore accounts) : HirekitPageModel
{
    public InterviewDetails Details { get; private set; } = null!;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public RescheduleForm Move { get; set; } = new();

    [BindProperty]
    public CancelForm Stop { get; set; } = new();

    public IReadOnlyList<string> DoubleBookings { get; private set; } = [];

    public Interview Interview => Details.Interview;

    public IReadOnlyList<FormError> Errors => FormErrors.Summary(ModelState, FormErrors.IdOf, ["Move.Start", "Move.DurationMinutes", "Move.Interviewers", "Move.Location", "Move.VideoUrl", "Stop.Reason"]);

    public async Task<IActionResult> OnGetAsync(Guid interviewId, CancellationToken ct)
    {
        if (!await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        Move = new RescheduleForm
        {
            Start = ScheduleForm.Local(Interview.StartsAt, Details.Settings),
            DurationMinutes = Interview.DurationMinutes,
            Interviewers = [.. Interview.Interviewers],
            Location = Interview.Location,
            VideoUrl = Interview.VideoUrl,
            NotifyCandidate = Interview.NotifyCandidate,
            ExpectedSequence = Interview.Sequence,
        };
        Stop = new CancelForm { ExpectedSequence = Interview.Sequence };
        return Page();
    }

    public async Task<IActionResult> OnGetInviteAsync(Guid interviewId, CancellationToken ct)
    {
        var ics = await invite.HandleAsync(Actor, interviewId, ct);
        return ics.IsSuccess ? File(Encoding.UTF8.GetBytes(ics.Value), $"{ICalendar.MediaType}; charset=utf-8", $"interview-{interviewId}.ics") : NotFound();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid interviewId, CancellationToken ct)
    {
        if (!await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        ModelState.Remove("Stop.Reason");
        var start = Move.StartInstant(Details.Settings);
        if (Move.Start is not null && start is null)
        {
            ModelState.AddModelError("Move.Start", "Enter a date and time.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await reschedule.HandleAsync(Actor, interviewId, new RescheduleInterview.Request(
            start!.Value, Move.DurationMinutes, Move.Interviewers, Move.Location ?? "", Move.VideoUrl ?? "", Move.NotifyCandidate, Move.AllowDoubleBooking, Move.ExpectedSequence), ct);
        if (result.IsSuccess)
        {
            Flash = "Interview updated. Everyone invited gets the new details.";
            return RedirectToPage(new { interviewId });
        }

        if (result.Error!.Kind == Core.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        if (result.Error.Code == "interview.double_booked")
        {
            DoubleBookings = result.Error.Fields?["interviewers"] ?? [];
            return Page();
        }

        ScheduleErrors.Add(ModelState, result.Error, nameof(Move));
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid interviewId, CancellationToken ct)
    {
        if (!await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        var result = await cancel.HandleAsync(Actor, interviewId, new CancelInterview.Request(Stop.Reason, Stop.ExpectedSequence), ct);
        if (result.IsSuccess)
        {
            Flash = "Interview cancelled. Everyone invited is told.";
            return RedirectToPage(new { interviewId });
        }

        if (result.Error!.Kind == Core.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.AddModelError(result.Error.Fields is null ? string.Empty : "Stop.Reason", result.Error.Message);
        Move = new RescheduleForm { Start = ScheduleForm.Local(Interview.StartsAt, Details.Settings), DurationMinutes = Interview.DurationMinutes, Interviewers = [.. Interview.Interviewers], ExpectedSequence = Interview.Sequence };
        return Page();
    }

    public string When => InterviewMail.When(Interview, Details.Settings.Zone);

    private async Task<bool> LoadAsync(Guid interviewId, CancellationToken ct)
    {
        var details = await getInterview.HandleAsync(Actor, interviewId, ct);
        if (!details.IsSuccess)
        {
            return false;
        }

        Details = details.Value;
        if (Details.CanManage)
        {
            Members = (await accounts.ListMembersAsync(Actor.OrganizationId, ct)).Where(m => m.IsActive || Details.Interview.Interviewers.Contains(m.UserId)).OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        }

        return true;
    }

    public sealed class RescheduleForm : ScheduleForm
    {
        public int ExpectedSequence { get; set; }
    }

    public sealed class CancelForm
    {
        [System.ComponentModel.DataAnnotations.StringLength(InterviewRules.MaxCancelReason)]
        public string? Reason { get; set; }

        public int ExpectedSequence { get; set; }
    }
}
