using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>
/// Opens a job through the kit's role intake. The intake questions come from the chosen kit
/// version; choosing another kit posts the form back ("Load its questions") and keeps what was
/// typed. A post whose kit differs from the one the questions were shown for reloads instead of
/// creating, so answers are never checked against questions nobody saw.
/// </summary>
public sealed class NewModel(ListKits listKits, ListKitVersions listVersions, GetKitVersion getKit, CreateJob create) : HirekitPageModel
{
    /// <summary>The organisation's kits with at least one published version.</summary>
    public IReadOnlyList<KitSummary> Kits { get; private set; } = [];

    /// <summary>Published version numbers of the chosen kit, newest first.</summary>
    public IReadOnlyList<int> Versions { get; private set; } = [];

    public KitView? Chosen { get; private set; }

    public Kit? Kit => Chosen?.Kit;

    /// <summary>Why the page was shown again instead of creating the job, when it was not an error.</summary>
    public string? Notice { get; private set; }

    [BindProperty]
    public IntakeForm Form { get; set; } = new();

    /// <summary>The kit the intake questions on the page belong to (hidden fields).</summary>
    [BindProperty]
    public Guid? ShownKitId { get; set; }

    [BindProperty]
    public int? ShownVersion { get; set; }

    /// <summary>The form's errors in the order of its fields, each question's under its prompt.</summary>
    public IReadOnlyList<FormError> Errors => FormErrors.Summary(
        ModelState,
        Anchor,
        [.. FieldOrder, .. Kit?.RoleIntake.Select(q => IntakeKey(q.Id)) ?? []],
        (key, message) => Kit?.RoleIntake.FirstOrDefault(q => IntakeKey(q.Id) == key) is { Answer: "choice" } question ? $"{question.Prompt} {message}" : message);

    public async Task<IActionResult> OnGetAsync(Guid? kitId, int? version, CancellationToken ct)
    {
        if (!JobAccess.CanCreate(Actor))
        {
            return Forbid();
        }

        Form.KitId = kitId;
        Form.KitVersion = version;
        await LoadKitAsync(ct);
        return Page();
    }

    /// <summary>"Load its questions": shows the intake of the kit and version chosen, keeping every answer typed so far.</summary>
    public async Task<IActionResult> OnPostKitAsync(CancellationToken ct)
    {
        if (!JobAccess.CanCreate(Actor))
        {
            return Forbid();
        }

        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!JobAccess.CanCreate(Actor))
        {
            return Forbid();
        }

        if (Form.KitId != ShownKitId || Form.KitVersion != ShownVersion)
        {
            await ReloadAsync(ct);
            Notice = "The kit changed, so its role-intake questions are shown now. Answer them, then create the job.";
            return Page();
        }

        await LoadKitAsync(ct);
        if (Chosen is null)
        {
            ModelState.AddModelError(string.Empty, "Choose a published kit to open the job from.");
            return Page();
        }

        var level = Levels.TryParse(Form.TargetLevel, out var parsed) ? parsed : default;
        var intake = Chosen.Kit.RoleIntake
            .Where(q => Form.Intake.ContainsKey(q.Id))
            .ToDictionary(q => q.Id, q => Form.Intake[q.Id]?.Trim() ?? "", StringComparer.Ordinal);
        var result = await create.HandleAsync(Actor, new CreateJob.Request(
            Chosen.Summary.Id, Chosen.Version.Number, Form.Title ?? "", level, intake, Form.Location ?? "", Form.LocationCode, Form.Remote,
            Form.EmploymentType ?? "", string.IsNullOrWhiteSpace(Form.CompensationRegion) ? null : Form.CompensationRegion), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!, nameof(Form));
            foreach (var question in Chosen.Kit.RoleIntake.Where(q => q.Answer == "choice" && ModelState.ContainsKey(IntakeKey(q.Id))))
            {
                // The use case lists the options' ids; next to the question, its labels are right there.
                ModelState.Remove(IntakeKey(question.Id));
                ModelState.AddModelError(IntakeKey(question.Id), "Choose one of the answers.");
            }

            return Page();
        }

        var created = result.Value;
        Flash = created.LevelNote is { } note
            ? $"Job created as a draft. Note: {note}"
            : "Job created as a draft. Write its description and check the interview loop, then open it.";
        return Redirect($"/jobs/{created.Job.Id}");
    }

    /// <summary>The error of a form field, or null.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public string? Answer(string questionId) => Form.Intake.TryGetValue(questionId, out var answer) ? answer : null;

    public static string IntakeKey(string questionId) => $"{nameof(Form)}.Intake.{questionId}";

    private async Task ReloadAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Form.KitId != ShownKitId)
        {
            Form.KitVersion = null;
        }

        await LoadKitAsync(ct);
    }

    private async Task LoadKitAsync(CancellationToken ct)
    {
        Kits = (await listKits.HandleAsync(Actor, ct)).Where(k => k.LatestVersion is not null).ToList();
        var kit = Kits.FirstOrDefault(k => k.Id == Form.KitId) ?? (Kits.Count > 0 ? Kits[0] : null);
        if (kit is null)
        {
            return;
        }

        var versions = await listVersions.HandleAsync(Actor, kit.Id, ct);
        Versions = versions.IsSuccess
            ? versions.Value.Where(v => v.Status == KitVersionStatuses.Published).Select(v => v.Number).OrderDescending().ToList()
            : [];
        var number = Form.KitVersion is { } n && Versions.Contains(n) ? n : kit.LatestVersion;
        var view = await getKit.HandleAsync(Actor, new GetKitVersion.Request(kit.Id, number), ct);
        Chosen = view.IsSuccess ? view.Value : null;
        Form.KitId = kit.Id;
        Form.KitVersion = Chosen?.Version.Number;
        ShownKitId = Form.KitId;
        ShownVersion = Form.KitVersion;
    }

    private static readonly string[] FieldOrder =
        ["Form.KitId", "Form.Title", "Form.TargetLevel", "Form.Location", "Form.LocationCode", "Form.EmploymentType", "Form.CompensationRegion"];

    private static string? Anchor(string key) => key switch
    {
        _ when key.StartsWith($"{nameof(Form)}.Intake.", StringComparison.Ordinal) => $"intake-{key[$"{nameof(Form)}.Intake.".Length..]}",
        $"{nameof(Form)}.TargetLevel" => "level",
        _ => FormErrors.IdOf(key),
    };

    public sealed class IntakeForm
    {
        public Guid? KitId { get; set; }

        public int? KitVersion { get; set; }

        public string? Title { get; set; }

        public string? TargetLevel { get; set; }

        public string? Location { get; set; }

        public string? LocationCode { get; set; }

        public bool Remote { get; set; }

        public string? EmploymentType { get; set; } = EmploymentTypes.All[0];

        public string? CompensationRegion { get; set; }

        /// <summary>Role-intake answers by question id: an option id for choice questions, the text for text questions.</summary>
        public Dictionary<string, string?> Intake { get; set; } = new(StringComparer.Ordinal);
    }
}
