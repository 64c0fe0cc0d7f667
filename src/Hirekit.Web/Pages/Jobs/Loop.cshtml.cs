using Hirekit.Core.Accounts;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>
/// The interview loop. Editors change the whole loop in one form: adding, removing and moving
/// stages re-show the form with the change (nothing is saved until "Save loop", which posts every
/// stage to <see cref="SaveJobLoop"/> and keeps the stages' ids). The coverage report is shown
/// above the stages: of the saved loop, or of the unsaved one while it is being changed.
/// Readers on the team see the loop without the form.
/// </summary>
public sealed class LoopModel(JobAccess access, GetJobLoop getLoop, SaveJobLoop save, GetKitVersion getKit, IAccountStore accounts) : JobPageModel(access)
{
    public const int DefaultDuration = 45;

    [BindProperty]
    public List<StageForm> Stages { get; set; } = [];

    /// <summary>The kind of the stage "Add stage" appends.</summary>
    [BindProperty]
    public string? NewStageKind { get; set; }

    public CoverageReport Coverage { get; private set; } = null!;

    /// <summary>True when the stages shown differ from the saved loop (an edit not saved yet, or a refused save).</summary>
    public bool Unsaved { get; private set; }

    /// <summary>Questions of the kit retired by the organisation: never offered for a loop.</summary>
    public IReadOnlySet<string> Retired { get; private set; } = new HashSet<string>();

    /// <summary>Every member, for names; only active ones are offered as interviewers.</summary>
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IEnumerable<Member> ActiveMembers => Members.Where(m => m.IsActive).OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stages as the coverage check saw them, to link a finding to its stage.</summary>
    private IReadOnlyList<LoopStage> _checked = [];

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        var loop = await getLoop.HandleAsync(Actor, jobId, ct);
        if (!loop.IsSuccess)
        {
            return NotFound();
        }

        Stages = loop.Value.Stages.Select(StageForm.From).ToList();
        (Coverage, _checked) = (loop.Value.Coverage, loop.Value.Stages);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>"Save loop": the whole loop, in the order shown.</summary>
    public async Task<IActionResult> OnPostAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Actor, jobId, Stages.Select(s => s.ToRequest()).ToList(), ct);
            if (result.IsSuccess)
            {
                var findings = result.Value.Coverage.Findings.Count;
                Flash = findings == 0
                    ? "Loop saved. The coverage check found no gaps."
                    : $"Loop saved. The coverage check has {findings} finding{(findings == 1 ? "" : "s")} to consider.";
                return Redirect($"/jobs/{jobId}/loop");
            }

            if (JobRefusal(result.Error!) is { } refused)
            {
                return refused;
            }

            AddErrors(result.Error!);
        }

        return await EditedAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (NewStageKind is { } kind && Vocabulary.StageKinds.Contains(kind) && Stages.Count < SaveJobLoop.MaxStages)
        {
            Stages.Add(new StageForm
            {
                Kind = kind,
                Name = JobDisplay.StageKindLabel(kind),
                DurationMinutes = kind == "cv_review" ? 30 : DefaultDuration,
                WrittenScreen = kind == "async_screen" && Kit.WrittenScreen is not null,
                Exercise = kind == "code_review" && Kit.Exercises.Count > 0 ? Kit.Exercises[0].Id : null,
            });
        }

        return await EditedAsync(ct);
    }

    /// <summary>"Refresh the list": re-shows the form as edited, with the questions that match each stage's kind, focus and traits now.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(Guid jobId, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        return await EditedAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid jobId, int index, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (index >= 0 && index < Stages.Count)
        {
            Stages.RemoveAt(index);
        }

        return await EditedAsync(ct);
    }

    /// <summary>Moves the stage at <paramref name="index"/> one place up (<paramref name="by"/> = -1) or down (+1).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid jobId, int index, int by, CancellationToken ct)
    {
        if (await LoadForEditAsync(jobId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var target = index + Math.Sign(by);
        if (index >= 0 && index < Stages.Count && target >= 0 && target < Stages.Count)
        {
            (Stages[index], Stages[target]) = (Stages[target], Stages[index]);
        }

        return await EditedAsync(ct);
    }

    /// <summary>The questions a stage offers, grouped by kind: those of rounds of the stage's kind, those on its focus competencies and traits, and those already chosen; never retired ones.</summary>
    public IReadOnlyList<IGrouping<string, Question>> QuestionsFor(StageForm stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return Kit.Questions
            .Where(q => !Retired.Contains(q.Id))
            .Where(q => stage.Questions.Contains(q.Id)
                || Kit.FindRound(q.Round)?.StageKind == stage.Kind
                || (q.Competency is { } c && stage.Focus.Contains(c))
                || (q.Trait is { } t && stage.Traits.Contains(t)))
            .GroupBy(q => q.Kind)
            .OrderBy(g => IndexOf(Vocabulary.QuestionKinds, g.Key))
            .ToList();
    }

    /// <summary>Chosen questions the organisation has retired since: saving the loop leaves them out.</summary>
    public IReadOnlyList<string> RetiredIn(StageForm stage) =>
        stage?.Questions.Where(Retired.Contains).Select(q => Kit.FindQuestion(q)?.Title ?? q).ToList() ?? [];

    /// <summary>The errors of one stage: the use case's "stages[i]" and any field of it that could not be read.</summary>
    public IReadOnlyList<string> StageErrors(int index) =>
        ModelState
            .Where(e => e.Key == $"Stages[{index}]" || e.Key.StartsWith($"Stages[{index}].", StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .ToList();

    /// <summary>The position of the stage a coverage finding is about, for a link to it.</summary>
    public int? StageIndexOf(Guid? stageId)
    {
        if (stageId is null)
        {
            return null;
        }

        for (var i = 0; i < _checked.Count; i++)
        {
            if (_checked[i].Id == stageId)
            {
                return i;
            }
        }

        return null;
    }

    public string MemberName(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "A former member";

    public int? Weight(string competency) => Job.Weights.TryGetValue(competency, out var w) ? w : null;

    /// <summary>Re-shows the form with the stages as edited, and the coverage of that unsaved loop.</summary>
    private async Task<IActionResult> EditedAsync(CancellationToken ct)
    {
        Unsaved = true;
        _checked = Stages.Select(s => s.ToStage()).ToList();
        Coverage = LoopCoverage.Check(Kit, Job.Weights, _checked);
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var version = await getKit.HandleAsync(Actor, new GetKitVersion.Request(Job.KitId, Job.KitVersion), ct);
        Retired = version.IsSuccess ? version.Value.Retired : new HashSet<string>();
        Members = await accounts.ListMembersAsync(Actor.OrganizationId, ct);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return list.Count;
    }

    public sealed class StageForm
    {
        /// <summary>The saved stage's id (kept, with the applications in it); empty for a stage added in this edit.</summary>
        public Guid? Id { get; set; }

        public string? Kind { get; set; }

        public string? Name { get; set; }

        public int? DurationMinutes { get; set; }

        public List<string> Focus { get; set; } = [];

        public List<string> Traits { get; set; } = [];

        public List<string> Questions { get; set; } = [];

        public string? Exercise { get; set; }

        public bool WrittenScreen { get; set; }

        public List<Guid> Interviewers { get; set; } = [];

        public static StageForm From(LoopStage stage)
        {
            ArgumentNullException.ThrowIfNull(stage);
            return new StageForm
            {
                Id = stage.Id,
                Kind = stage.Kind,
                Name = stage.Name,
                DurationMinutes = stage.DurationMinutes,
                Focus = [.. stage.Focus],
                Traits = [.. stage.Traits],
                Questions = [.. stage.Questions],
                Exercise = stage.Exercise,
                WrittenScreen = stage.WrittenScreen,
                Interviewers = [.. stage.Interviewers],
            };
        }

        public SaveJobLoop.StageRequest ToRequest() =>
            new(Id, Kind ?? "", Name ?? "", DurationMinutes ?? 0, Focus, Traits, Questions, string.IsNullOrEmpty(Exercise) ? null : Exercise, WrittenScreen, Interviewers);

        /// <summary>The stage as the coverage check reads it; a new stage gets a provisional id.</summary>
        public LoopStage ToStage() =>
            new(Id ?? Guid.NewGuid(), Kind ?? "", Name ?? "", DurationMinutes ?? 0, Focus, Traits, Questions, string.IsNullOrEmpty(Exercise) ? null : Exercise, WrittenScreen, Interviewers);
    }
}
