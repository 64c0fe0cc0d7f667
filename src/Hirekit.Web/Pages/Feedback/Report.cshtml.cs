using Hirekit.Core.Applications;
using Hirekit.Core.Common;
using Hirekit.Core.Feedback;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Feedback;

/// <summary>
/// The feedback report of one application, for admins and recruiters: draft it from the
/// scorecards, edit the wording section by section, approve, send (a new secret link by e-mail),
/// revoke. Once approved the text is read-only; what is shown is exactly what the candidate reads.
/// </summary>
public sealed class ReportModel(FeedbackAccess access, IFeedbackReportStore reports, DraftFeedbackReport draft, EditFeedbackReport edit, ApproveFeedbackReport approve, SendFeedbackReport send, RevokeFeedbackReport revoke) : HirekitPageModel
{
    public sealed class SectionForm
    {
        public string CompetencyId { get; set; } = "";

        public bool Keep { get; set; } = true;

        public string Kind { get; set; } = "";

        public string? Summary { get; set; }

        public string? NextStep { get; set; }

        public string? Observed { get; set; }

        public string? Topics { get; set; }
    }

    public ApplicationDetails Details { get; private set; } = null!;

    public FeedbackReport? Report { get; private set; }

    [BindProperty]
    public string? Intro { get; set; }

    [BindProperty]
    public string? Closing { get; set; }

    [BindProperty]
    public List<SectionForm> Sections { get; set; } = [];

    public bool IsDraft => Report?.Status == FeedbackReportStatuses.Draft;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(Guid applicationId, CancellationToken ct) =>
        ActAsync(applicationId, () => draft.HandleAsync(Actor, applicationId, ct), "Draft written from the submitted scorecards. Review it before approving.", ct);

    public async Task<IActionResult> OnPostSaveAsync(Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        if (Report is null)
        {
            return NotFound();
        }

        var titles = Report.Content.Sections.ToDictionary(s => s.CompetencyId, s => s.Title, StringComparer.Ordinal);
        var content = new FeedbackContent(
            Intro ?? "",
            Sections.Where(s => s.Keep).Select(s => new FeedbackSection(s.CompetencyId, titles.GetValueOrDefault(s.CompetencyId, s.CompetencyId), s.Kind, s.Summary ?? "", Lines(s.Observed), s.NextStep ?? "", Lines(s.Topics))).ToList(),
            Closing ?? "");
        var result = await edit.HandleAsync(Actor, Report.Id, content, ct);
        if (result.IsSuccess)
        {
            Flash = "Changes saved.";
            return RedirectToPage(new { applicationId });
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        // The use case numbers sections among those kept, not as the form shows them: list every
        // message at the top, each naming its competency.
        var kept = Sections.Where(x => x.Keep).ToList();
        foreach (var (field, messages) in result.Error!.Fields ?? new Dictionary<string, string[]>())
        {
            var index = field.StartsWith("sections[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(9, field.IndexOf(']', StringComparison.Ordinal) - 9), out var n) && n < kept.Count ? n : -1;
            var name = index >= 0 ? titles.GetValueOrDefault(kept[index].CompetencyId, kept[index].CompetencyId) + ": " : "";
            foreach (var message in messages)
            {
                ModelState.AddModelError(string.Empty, name + message);
            }
        }

        if (result.Error.Fields is not { Count: > 0 })
        {
            ModelState.AddModelError(string.Empty, result.Error.Message);
        }

        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid applicationId, CancellationToken ct) =>
        ReportActionAsync(applicationId, id => approve.HandleAsync(Actor, id, ct), "Approved. The report can now be sent.", ct);

    public Task<IActionResult> OnPostSendAsync(Guid applicationId, CancellationToken ct) =>
        ReportActionAsync(applicationId, id => send.HandleAsync(Actor, id, ct), "Sent. The candidate receives an e-mail with their personal link.", ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid applicationId, CancellationToken ct) =>
        ReportActionAsync(applicationId, id => revoke.HandleAsync(Actor, id, ct), "Link revoked. The candidate's link no longer opens the report.", ct);

    private async Task<IActionResult> ReportActionAsync(Guid applicationId, Func<Guid, Task<Result<FeedbackReport>>> action, string done, CancellationToken ct)
    {
        var report = await reports.FindForApplicationAsync(Actor.OrganizationId, applicationId, ct);
        return report is null ? NotFound() : await ActAsync(applicationId, () => action(report.Id), done, ct);
    }

    private async Task<IActionResult> ActAsync(Guid applicationId, Func<Task<Result<FeedbackReport>>> action, string done, CancellationToken ct)
    {
        var result = await action();
        if (result.IsSuccess)
        {
            Flash = done;
            return RedirectToPage(new { applicationId });
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        Fill();
        ModelState.AddModelError(string.Empty, result.Error!.Message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var application = await access.ApplicationAsync(Actor, applicationId, ct);
        if (!application.IsSuccess)
        {
            return Refusal(application.Error!) ?? NotFound();
        }

        Details = application.Value;
        Report = await reports.FindForApplicationAsync(Actor.OrganizationId, applicationId, ct);
        return null;
    }

    private void Fill()
    {
        if (Report is null)
        {
            return;
        }

        Intro = Report.Content.Intro;
        Closing = Report.Content.Closing;
        Sections = Report.Content.Sections.Select(s => new SectionForm
        {
            CompetencyId = s.CompetencyId,
            Kind = s.Kind,
            Summary = s.Summary,
            NextStep = s.NextStep,
            Observed = string.Join('\n', s.Observed),
            Topics = string.Join('\n', s.Topics),
        }).ToList();
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
