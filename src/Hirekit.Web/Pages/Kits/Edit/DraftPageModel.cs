using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits.Edit;

/// <summary>
/// Common ground of the draft editor's pages: open the draft (or the latest version a first
/// change starts it from), carry its content hash through every form as ExpectedHash, and show
/// a use case's problems on the form without losing what was typed.
/// </summary>
public abstract class DraftPageModel(KitDraftEditor editor) : KitPageModel
{
    public KitDraftEditor.Draft Draft { get; private set; } = null!;

    public Kit Kit => Draft.Kit;

    public KitSummary Summary => Draft.Summary;

    public bool HasDraft => Draft.Hash is not null;

    /// <summary>The ExpectedHash of a form shown while the kit had no draft yet.</summary>
    public const string NoDraft = "none";

    /// <summary>
    /// The draft's hash when the form was rendered (<see cref="NoDraft"/> when there was none); a
    /// save refuses when the draft moved on meanwhile.
    /// </summary>
    [BindProperty]
    public string? ExpectedHash { get; set; }

    /// <summary>
    /// The hash for the use case. A form shown before any draft existed sends no hash, so the use
    /// case starts the draft; <see cref="DraftAppeared"/> covers someone starting one meanwhile.
    /// </summary>
    protected string? ExpectedForUseCase => ExpectedHash == NoDraft ? null : ExpectedHash;

    /// <summary>True when the form was shown with no draft, and someone has started one since (read after opening).</summary>
    protected bool DraftAppeared => ExpectedHash == NoDraft && HasDraft;

    /// <summary>True when the last save failed because someone else changed the draft.</summary>
    public bool Stale { get; private set; }

    public string EditHref => $"/kits/{Summary.Id}/edit";

    /// <summary>Opens the draft; returns the page's answer when it cannot be edited (404, 403, or back to a read-only kit).</summary>
    protected async Task<IActionResult?> OpenAsync(Guid kitId, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(Actor, kitId, ct);
        if (!opened.IsSuccess)
        {
            if (Refusal(opened.Error!) is { } refusal)
            {
                return refusal;
            }

            Flash = opened.Error!.Message;
            return Redirect($"/kits/{kitId}");
        }

        Draft = opened.Value;
        return null;
    }

    /// <summary>Opens the draft for a form shown the first time: its hash goes into the form.</summary>
    protected async Task<IActionResult?> OpenForFormAsync(Guid kitId, CancellationToken ct)
    {
        var refusal = await OpenAsync(kitId, ct);
        ExpectedHash = refusal is null ? Draft.Hash ?? NoDraft : null;
        return refusal;
    }

    /// <summary>
    /// Shows a failed save on the form: the use case's error through the base page's
    /// AddErrors, plus each field problem next to its field and in the readable list at the top.
    /// </summary>
    protected void ShowError(Error error, string itemPath, IReadOnlyDictionary<string, FieldTarget> fields)
    {
        ArgumentNullException.ThrowIfNull(error);
        Stale = error.Code == KitDraftEditor.Stale.Code;
        AddErrors(error);
        Problems = KitErrors.Apply(ModelState, error, itemPath, fields);
    }

    /// <summary>Saved: back to the editor (at the changed item) with a confirmation.</summary>
    protected IActionResult Saved(string message, string? anchor = null)
    {
        Flash = message;
        return Redirect(anchor is null ? EditHref : $"{EditHref}#{anchor}");
    }
}
