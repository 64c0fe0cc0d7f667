using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits.Edit;

/// <summary>The draft editor: kit info, links to competencies, traits and questions, question order, publish and discard.</summary>
public sealed class IndexModel(
    KitDraftEditor editor,
    UpdateDraftInfo updateInfo,
    ReorderDraftQuestions reorder,
    RemoveDraftQuestion remove,
    PublishKitDraft publish,
    DiscardKitDraft discard) : DraftPageModel(editor)
{
    private static readonly Dictionary<string, FieldTarget> InfoFields = new(StringComparer.Ordinal)
    {
        [""] = new("Form", "Kit information"),
        ["name"] = new("Form.Name", "Name"),
        ["summary"] = new("Form.Summary", "Summary"),
        ["overview"] = new("Form.Overview", "Overview"),
        ["public"] = new("Form.Public", "Public"),
    };

    private static readonly Dictionary<string, FieldTarget> NoFields = [];

    /// <summary>The kit information form: as posted after a failed save of it, else the draft's.</summary>
    public InfoForm? Form { get; private set; }

    /// <summary>A first change numbers the draft after the latest version.</summary>
    public int DraftNumber => (Summary.LatestVersion ?? 0) + 1;

    public async Task<IActionResult> OnGetAsync(Guid kitId, CancellationToken ct)
    {
        if (await OpenForFormAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        Form = InfoForm.From(Kit.Info);
        return Page();
    }

    public async Task<IActionResult> OnPostInfoAsync(Guid kitId, [FromForm(Name = "Form")] InfoForm form, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        ArgumentNullException.ThrowIfNull(form);
        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        Form = form;
        if (DraftAppeared)
        {
            return Failed(KitDraftEditor.Stale);
        }

        var result = await updateInfo.HandleAsync(Actor, kitId, new UpdateDraftInfo.Request(KitForms.Text(form.Name), KitForms.Text(form.Summary), KitForms.Text(form.Overview), form.Public, ExpectedForUseCase), ct);
        if (!result.IsSuccess)
        {
            return Failed(result.Error!, "kit", InfoFields);
        }

        return Saved("Saved the kit information in the draft.", "info");
    }

    /// <summary>Up (<paramref name="by"/> -1) or down (+1) by one place: the question order without JavaScript.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid kitId, string questionId, int by, CancellationToken ct) =>
        await ChangeAsync(
            kitId,
            () => reorder.MoveAsync(Actor, kitId, questionId, Math.Sign(by), ExpectedForUseCase, ct),
            by < 0 ? "Moved the question up." : "Moved the question down.",
            $"q-{questionId}",
            ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid kitId, string questionId, CancellationToken ct) =>
        await ChangeAsync(
            kitId,
            () => remove.HandleAsync(Actor, kitId, questionId, ExpectedForUseCase, ct),
            $"Removed the question “{questionId}” from the draft. Published versions keep it.",
            "questions",
            ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid kitId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await publish.HandleAsync(Actor, kitId, ExpectedForUseCase, ct);
        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        Flash = $"Published version {result.Value}. New loops use it from now on.";
        return Redirect($"/kits/{kitId}?version={result.Value}");
    }

    /// <summary>Discards the draft, unless it changed since the page showed it (the use case itself takes no hash).</summary>
    public async Task<IActionResult> OnPostDiscardAsync(Guid kitId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        if (!string.IsNullOrEmpty(ExpectedHash) && ExpectedHash != (Draft.Hash ?? NoDraft))
        {
            return Failed(KitDraftEditor.Stale);
        }

        var result = await discard.HandleAsync(Actor, kitId, ct);
        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        Flash = "Discarded the draft. The kit is as its latest published version.";
        return Redirect($"/kits/{kitId}");
    }

    /// <summary>A one-click change of the question list: open, check the draft did not appear meanwhile, save, back to the editor.</summary>
    private async Task<IActionResult> ChangeAsync(Guid kitId, Func<Task<Result<string>>> change, string message, string anchor, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        if (DraftAppeared)
        {
            return Failed(KitDraftEditor.Stale);
        }

        var result = await change();
        return result.IsSuccess ? Saved(message, anchor) : Failed(result.Error!);
    }

    /// <summary>The editor again with the error at the top; the draft shown is the one the failed change left untouched.</summary>
    private IActionResult Failed(Error error, string itemPath = "", IReadOnlyDictionary<string, FieldTarget>? fields = null)
    {
        Form ??= InfoForm.From(Kit.Info);
        ShowError(error, itemPath, fields ?? NoFields);
        return Page();
    }

    public sealed class InfoForm
    {
        public string? Name { get; set; }

        public string? Summary { get; set; }

        public string? Overview { get; set; }

        public bool Public { get; set; }

        public static InfoForm From(KitInfo info)
        {
            ArgumentNullException.ThrowIfNull(info);
            return new() { Name = info.Name, Summary = info.Summary, Overview = info.Overview, Public = info.Public };
        }
    }
}
