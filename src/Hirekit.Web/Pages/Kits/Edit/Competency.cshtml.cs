using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits.Edit;

/// <summary>Edits one competency of the draft: definition, the four level descriptors, study topics.</summary>
public sealed class CompetencyModel(KitDraftEditor editor, SaveDraftCompetency save) : DraftPageModel(editor)
{
    private static readonly Dictionary<string, FieldTarget> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = new("Form.Name", "Name"),
        ["definition"] = new("Form.Definition", "Definition"),
        ["descriptors"] = new("Form.Junior", "Descriptors"),
        ["descriptors.junior"] = new("Form.Junior", "Junior descriptor"),
        ["descriptors.mid"] = new("Form.Mid", "Mid descriptor"),
        ["descriptors.senior"] = new("Form.Senior", "Senior descriptor"),
        ["descriptors.principal"] = new("Form.Principal", "Principal descriptor"),
        ["topics"] = new("Form.Topics", "Topics"),
    };

    [BindProperty]
    public CompetencyForm Form { get; set; } = new();

    public CompetencyArea Area { get; private set; } = null!;

    public Competency Competency { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid kitId, string competencyId, CancellationToken ct)
    {
        if (await OpenForFormAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Find(competencyId))
        {
            return NotFound();
        }

        Form = CompetencyForm.From(Competency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid kitId, string competencyId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Find(competencyId))
        {
            return NotFound();
        }

        var itemPath = $"areas[{Kit.Areas.ToList().IndexOf(Area)}].competencies[{Area.Competencies.ToList().IndexOf(Competency)}]";
        if (DraftAppeared)
        {
            ShowError(KitDraftEditor.Stale, itemPath, Fields);
            return Page();
        }

        var request = new SaveDraftCompetency.Request(
            competencyId,
            null,
            KitForms.Text(Form.Name),
            KitForms.Text(Form.Definition),
            KitForms.Text(Form.Junior),
            KitForms.Text(Form.Mid),
            KitForms.Text(Form.Senior),
            KitForms.Text(Form.Principal),
            KitForms.Lines(Form.Topics),
            ExpectedForUseCase);
        var result = await save.HandleAsync(Actor, kitId, request, ct);
        if (result.IsSuccess)
        {
            return Saved($"Saved the competency “{request.Name}” in the draft.", $"competency-{competencyId}");
        }

        ShowError(result.Error!, itemPath, Fields);
        return Page();
    }

    private bool Find(string competencyId)
    {
        foreach (var area in Kit.Areas)
        {
            if (area.Competencies.FirstOrDefault(c => c.Id == competencyId) is { } competency)
            {
                (Area, Competency) = (area, competency);
                return true;
            }
        }

        return false;
    }

    public sealed class CompetencyForm
    {
        public string? Name { get; set; }

        public string? Definition { get; set; }

        public string? Junior { get; set; }

        public string? Mid { get; set; }

        public string? Senior { get; set; }

        public string? Principal { get; set; }

        /// <summary>One study topic per line.</summary>
        public string? Topics { get; set; }

        public static CompetencyForm From(Competency c)
        {
            ArgumentNullException.ThrowIfNull(c);
            return new()
            {
                Name = c.Name,
                Definition = c.Definition,
                Junior = c.Descriptors.Junior,
                Mid = c.Descriptors.Mid,
                Senior = c.Descriptors.Senior,
                Principal = c.Descriptors.Principal,
                Topics = KitForms.JoinLines(c.Topics),
            };
        }
    }
}
