using Hirekit.Core.Applications;
using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Applications;

/// <summary>
/// One application: candidate, job, stage and its whole history; forms to move, reject and
/// withdraw it; and the resume screen, the kit's green and yellow flags as a checklist with the
/// resume passages that hint at each. A refused change (an ended application, a move made
/// meanwhile) shows its message on the page.
/// </summary>
public sealed class ApplicationModel(
    GetApplication getApplication,
    MoveApplication move,
    RejectApplication reject,
    WithdrawApplication withdraw,
    ResumeScreen screen,
    ListApplicationInterviews listInterviews,
    GetAsyncScreen getWrittenScreen,
    SendAsyncScreen sendWrittenScreen,
    CancelAsyncScreen cancelWrittenScreen,
    TimeProvider time) : RecruitingPageModel
{
    /// <summary>True while answering a posted screen: the ticks shown are the posted ones, not the saved ones.</summary>
    private bool _screenPosted;

    /// <summary>A flag of the checklist with its hints and the saved answer.</summary>
    public sealed record FlagItem(ResumeHint Hint, IReadOnlyList<string> Cues, bool Checked);

    public ApplicationDetails Details { get; private set; } = null!;

    public Application Application => Details.Summary.Application;

    public IReadOnlyList<StageOption> Targets { get; private set; } = [];

    public IReadOnlyList<FlagItem> Flags { get; private set; } = [];

    /// <summary>The application's interviews, soonest first, cancelled ones included.</summary>
    public IReadOnlyList<InterviewSummary> Interviews { get; private set; } = [];

    public bool IsFinal => PipelineStages.IsFinal(Application.Stage);

    /// <summary>The application's live written screen, if one was sent.</summary>
    public AsyncScreenDetails? WrittenScreen { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Recruiters and admins send a written screen to an active application whose job has an async-screen stage.</summary>
    public bool CanSendOrCancelScreens => Actor.SeesAllOfOrganization;

    public bool CanSendWrittenScreen => Actor.SeesAllOfOrganization && !IsFinal && WrittenScreen is null && Details.Loop.Any(s => s.Kind == SendAsyncScreen.StageKind);

    public bool HasWrittenScreenStage => Details.Loop.Any(s => s.Kind == SendAsyncScreen.StageKind);

    /// <summary>Days until the deadline of a screen to send; the kit's default when not posted.</summary>
    [BindProperty]
    public int? ScreenDays { get; set; }

    public string StageName => RecruitingText.StageName(Application.Stage, Application.StageId, Details.Loop, Details.Summary.StageName);

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? MoveNote { get; set; }

    [BindProperty]
    public string? ReasonCode { get; set; }

    [BindProperty]
    public string? RejectNote { get; set; }

    [BindProperty]
    public string? WithdrawNote { get; set; }

    [BindProperty]
    public List<string> Checked { get; set; } = [];

    [BindProperty]
    public string? ScreenNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct) =>
        await LoadAsync(applicationId, ct) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid applicationId, CancellationToken ct)
    {
        if (RecruitingText.ParseStage(Stage) is not { } target)
        {
            ModelState.AddModelError(nameof(Stage), "Choose a stage from the list.");
            return await LoadAsync(applicationId, ct) ?? Page();
        }

        var result = await move.HandleAsync(Actor, applicationId, new MoveApplication.Request(target.Stage, target.StageId, MoveNote), ct);
        return await AfterChangeAsync(applicationId, result, "Moved.", "Move", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid applicationId, CancellationToken ct)
    {
        if (!RejectReasons.IsValid(ReasonCode))
        {
            ModelState.AddModelError(nameof(ReasonCode), "Choose a reason for the rejection.");
            return await LoadAsync(applicationId, ct) ?? Page();
        }

        var result = await reject.HandleAsync(Actor, applicationId, new RejectApplication.Request(ReasonCode!, RejectNote), ct);
        return await AfterChangeAsync(applicationId, result, "Rejected. The reason and note are in the history.", "Reject", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(Actor, applicationId, WithdrawNote, ct);
        return await AfterChangeAsync(applicationId, result, "Recorded that the candidate withdrew.", "Withdraw", ct);
    }

    public async Task<IActionResult> OnPostScreenAsync(Guid applicationId, CancellationToken ct)
    {
        var current = await getApplication.HandleAsync(Actor, applicationId, ct);
        if (!current.IsSuccess)
        {
            return Refusal(current.Error!) ?? NotFound();
        }

        _screenPosted = true;
        var ticked = Checked.ToHashSet(StringComparer.Ordinal);
        var flags = AllFlags(current.Value.Job.Kit).ToDictionary(f => f.Id, f => ticked.Contains(f.Id), StringComparer.Ordinal);
        var result = await screen.SaveAsync(Actor, applicationId, flags, ScreenNote, ct);
        if (result.IsSuccess)
        {
            Flash = "Saved the resume screen.";
            return Redirect($"/applications/{applicationId}#screen-heading");
        }

        return await ShowErrorAsync(applicationId, result.Error!, "Screen", ct);
    }

    public async Task<IActionResult> OnPostSendScreenAsync(Guid applicationId, CancellationToken ct)
    {
        if (ScreenDays is not (>= 1 and <= 30))
        {
            ModelState.AddModelError(nameof(ScreenDays), "Give the candidate 1 to 30 days.");
            return await LoadAsync(applicationId, ct) ?? Page();
        }

        var result = await sendWrittenScreen.HandleAsync(Actor, new SendAsyncScreen.Request(applicationId, null, time.GetUtcNow().AddDays(ScreenDays.Value), null), ct);
        if (result.IsSuccess)
        {
            Flash = "Sent the written screen. The candidate has the link by e-mail.";
            return Redirect($"/applications/{applicationId}#written-screen-heading");
        }

        return await ShowErrorAsync(applicationId, result.Error!, "WrittenScreen", ct);
    }

    public async Task<IActionResult> OnPostCancelScreenAsync(Guid applicationId, Guid screenId, CancellationToken ct)
    {
        var result = await cancelWrittenScreen.HandleAsync(Actor, screenId, ct);
        if (result.IsSuccess)
        {
            Flash = "Cancelled the written screen; its link no longer opens.";
            return Redirect($"/applications/{applicationId}#written-screen-heading");
        }

        return await ShowErrorAsync(applicationId, result.Error!, "WrittenScreen", ct);
    }

    private async Task<IActionResult> AfterChangeAsync(Guid applicationId, Result<Application> result, string done, string form, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            Flash = done;
            return Redirect($"/applications/{applicationId}");
        }

        return await ShowErrorAsync(applicationId, result.Error!, form, ct);
    }

    /// <summary>A refusal as such; any other error as the page with the message, the form's fields kept.</summary>
    private async Task<IActionResult> ShowErrorAsync(Guid applicationId, Error error, string form, CancellationToken ct)
    {
        if (Refusal(error) is { } refusal)
        {
            return refusal;
        }

        if (error.Fields is { Count: > 0 } fields && error.Kind == ErrorKind.Validation)
        {
            foreach (var (field, messages) in fields)
            {
                var key = (form, field) switch
                {
                    ("Move", "note") => nameof(MoveNote),
                    ("Move", "stage" or "stageId") => nameof(Stage),
                    ("Reject", "note") => nameof(RejectNote),
                    ("Reject", "reasonCode") => nameof(ReasonCode),
                    ("Withdraw", "note") => nameof(WithdrawNote),
                    ("Screen", "note") => nameof(ScreenNote),
                    ("WrittenScreen", "deadline") => nameof(ScreenDays),
                    _ => string.Empty,
                };
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        return await LoadAsync(applicationId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var details = await getApplication.HandleAsync(Actor, applicationId, ct);
        if (!details.IsSuccess)
        {
            return Refusal(details.Error!) ?? NotFound();
        }

        Details = details.Value;
        Interviews = (await listInterviews.HandleAsync(Actor, applicationId, ct)).Value;
        WrittenScreen = (await getWrittenScreen.ForApplicationAsync(Actor, applicationId, ct)).Value;
        ScreenDays ??= Details.Job.Kit.WrittenScreen?.DeadlineDays is > 0 and <= 30 and var days ? days : SendAsyncScreen.DefaultDeadlineDays;
        Targets = RecruitingText.MoveTargets(Details.Loop);
        if (Stage is null)
        {
            // Suggest the stage after the current one.
            var current = RecruitingText.StageValue(Application.Stage, Application.StageId);
            var index = Targets.ToList().FindIndex(t => t.Value == current);
            Stage = index >= 0 && index + 1 < Targets.Count ? Targets[index + 1].Value : Targets[0].Value;
        }

        var cues = AllFlags(Details.Job.Kit).ToDictionary(f => f.Id, f => (IReadOnlyList<string>)f.Cues, StringComparer.Ordinal);
        var decision = Details.Screen;
        var posted = _screenPosted ? Checked.ToHashSet(StringComparer.Ordinal) : null;
        Flags = ResumeScreen.Hints(Details.Job.Kit, Details.Candidate.ResumeText)
            .Select(h => new FlagItem(h, cues.GetValueOrDefault(h.FlagId) ?? [], posted?.Contains(h.FlagId) ?? (decision?.Flags.GetValueOrDefault(h.FlagId) ?? false)))
            .ToList();
        ScreenNote ??= decision?.Note;
        return null;
    }

    private static IEnumerable<ResumeFlag> AllFlags(Kit kit) =>
        (kit.ResumeFlags?.Green ?? ValueList<ResumeFlag>.Empty).Concat(kit.ResumeFlags?.Yellow ?? ValueList<ResumeFlag>.Empty);

    public string EventText(ApplicationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string Name(string? stage, Guid? id) => stage is null ? "" : RecruitingText.StageName(stage, id, Details.Loop);
        return e.Kind switch
        {
            "applied" => $"Added at {Name(e.ToStage, e.ToStageId)}",
            "rejected" => $"Rejected at {Name(e.FromStage, e.FromStageId)}",
            "withdrawn" => $"Withdrew at {Name(e.FromStage, e.FromStageId)}",
            _ => $"{Name(e.FromStage, e.FromStageId)} → {Name(e.ToStage, e.ToStageId)}",
        };
    }
}
