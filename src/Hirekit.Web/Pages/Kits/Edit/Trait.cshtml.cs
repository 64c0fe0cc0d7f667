using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits.Edit;

/// <summary>Edits a trait of the draft, or adds one (<c>traits/new</c>).</summary>
public sealed class TraitModel(KitDraftEditor editor, SaveDraftTrait save) : DraftPageModel(editor)
{
    public const string New = "new";

    private static readonly Dictionary<string, FieldTarget> Fields = new(StringComparer.Ordinal)
    {
        [""] = new("Form.Id", "Trait"),
        ["id"] = new("Form.Id", "Id"),
        ["name"] = new("Form.Name", "Name"),
        ["definition"] = new("Form.Definition", "Definition"),
    };

    [BindProperty]
    public TraitForm Form { get; set; } = new();

    public bool IsNew { get; private set; }

    public Trait? Trait { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid kitId, string traitId, CancellationToken ct)
    {
        if (await OpenForFormAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        IsNew = traitId == New;
        Trait = IsNew ? null : Kit.FindTrait(traitId);
        if (!IsNew && Trait is null)
        {
            return NotFound();
        }

        Form = Trait is null ? new TraitForm() : new TraitForm { Id = Trait.Id, Name = Trait.Name, Definition = Trait.Definition };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid kitId, string traitId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        IsNew = traitId == New;
        var id = IsNew ? KitForms.Text(Form.Id) : traitId;
        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        Trait = IsNew ? null : Kit.FindTrait(traitId);
        if (!IsNew && Trait is null)
        {
            return NotFound();
        }

        if (DraftAppeared)
        {
            ShowError(KitDraftEditor.Stale, "", Fields);
            return Page();
        }

        if (IsNew && (id == New || Kit.FindTrait(id) is not null))
        {
            ShowError(Error.Validation("id", id == New ? "'new' is reserved: choose another id." : $"The draft already has a trait '{id}': choose another id."), "", new Dictionary<string, FieldTarget> { ["id"] = Fields["id"] });
            return Page();
        }

        var result = await save.HandleAsync(Actor, kitId, new SaveDraftTrait.Request(id, KitForms.Text(Form.Name), KitForms.Text(Form.Definition), ExpectedForUseCase), ct);
        if (result.IsSuccess)
        {
            return Saved(IsNew ? $"Added the trait “{KitForms.Text(Form.Name)}” to the draft." : $"Saved the trait “{KitForms.Text(Form.Name)}” in the draft.", $"trait-{id}");
        }

        var index = Trait is null ? Kit.Traits.Count : Kit.Traits.ToList().IndexOf(Trait);
        ShowError(result.Error!, $"traits[{index}]", Fields);
        return Page();
    }

    public sealed class TraitForm
    {
        /// <summary>Only for a new trait: its kebab-case id.</summary>
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Definition { get; set; }
    }
}
