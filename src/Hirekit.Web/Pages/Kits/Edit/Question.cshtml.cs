using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits.Edit;

/// <summary>Edits a question of the draft, or adds one at the end (<c>questions/new</c>).</summary>
public sealed class QuestionModel(KitDraftEditor editor, SaveDraftQuestion save) : DraftPageModel(editor)
{
    public const string New = "new";

    private static readonly Dictionary<string, FieldTarget> Fields = new(StringComparer.Ordinal)
    {
        [""] = new("Form.Id", "Question"),
        ["id"] = new("Form.Id", "Id"),
        ["kind"] = new("Form.Kind", "Kind"),
        ["competency"] = new("Form.Competency", "Competency"),
        ["trait"] = new("Form.Trait", "Trait"),
        ["levels"] = new("Form.Levels", "Levels"),
        ["round"] = new("Form.Round", "Round"),
        ["title"] = new("Form.Title", "Title"),
        ["prompt"] = new("Form.Prompt", "Prompt"),
        ["positive"] = new("Form.Positive", "Signs of a strong answer"),
        ["negative"] = new("Form.Negative", "Signs of a weak answer"),
        ["follow_ups"] = new("Form.FollowUps", "Follow-up questions"),
        ["model_answer"] = new("Form.ModelAnswer", "Model answer notes"),
        ["assessment_points"] = new("Form.AssessmentPoints", "Assessment points"),
        ["pitfalls"] = new("Form.Pitfalls", "Pitfalls"),
        ["red_flags"] = new("Form.RedFlags", "Red flags"),
        ["strong_answer"] = new("Form.StrongAnswer", "Strong answer"),
    };

    [BindProperty]
    public QuestionForm Form { get; set; } = new();

    public bool IsNew { get; private set; }

    public Question? Question { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid kitId, string questionId, CancellationToken ct)
    {
        if (await OpenForFormAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        IsNew = questionId == New;
        Question = IsNew ? null : Kit.FindQuestion(questionId);
        if (!IsNew && Question is null)
        {
            return NotFound();
        }

        Form = Question is null ? new QuestionForm { Round = Kit.Rounds.Count > 0 ? Kit.Rounds[0].Id : null } : QuestionForm.From(Question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid kitId, string questionId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        IsNew = questionId == New;
        var id = IsNew ? KitForms.Text(Form.Id) : questionId;
        if (await OpenAsync(kitId, ct) is { } refusal)
        {
            return refusal;
        }

        Question = IsNew ? null : Kit.FindQuestion(questionId);
        if (!IsNew && Question is null)
        {
            return NotFound();
        }

        if (DraftAppeared)
        {
            ShowError(KitDraftEditor.Stale, "", Fields);
            return Page();
        }

        if (IsNew && (id == New || Kit.FindQuestion(id) is not null))
        {
            ShowError(Error.Validation("id", id == New ? "'new' is reserved: choose another id." : $"The draft already has a question '{id}': choose another id."), "", new Dictionary<string, FieldTarget> { ["id"] = Fields["id"] });
            return Page();
        }

        var question = Form.ToQuestion(id);
        var result = await save.HandleAsync(Actor, kitId, new SaveDraftQuestion.Request(question, ExpectedForUseCase), ct);
        if (result.IsSuccess)
        {
            return Saved(IsNew ? $"Added the question “{question.Title}” to the draft." : $"Saved the question “{question.Title}” in the draft.", $"q-{id}");
        }

        var index = Question is null ? Kit.Questions.Count : Kit.Questions.ToList().IndexOf(Question);
        ShowError(result.Error!, $"questions[{index}]", Fields);
        return Page();
    }

    /// <summary>The question as plain form fields: lists one item per line, indicators "text | cue, cue".</summary>
    public sealed class QuestionForm
    {
        /// <summary>Only for a new question: its kebab-case id.</summary>
        public string? Id { get; set; }

        public string? Kind { get; set; } = "competency";

        public string? Competency { get; set; }

        public string? Trait { get; set; }

        public List<string> Levels { get; set; } = [];

        public string? Round { get; set; }

        public string? Title { get; set; }

        public string? Prompt { get; set; }

        public string? Positive { get; set; }

        public string? Negative { get; set; }

        public string? FollowUps { get; set; }

        public string? ModelAnswer { get; set; }

        public string? AssessmentPoints { get; set; }

        public string? Pitfalls { get; set; }

        public string? RedFlags { get; set; }

        public string? StrongAnswer { get; set; }

        public bool HasLevel(Level level) => Levels.Contains(level.Code(), StringComparer.Ordinal);

        public static QuestionForm From(Question q)
        {
            ArgumentNullException.ThrowIfNull(q);
            return new()
            {
                Id = q.Id,
                Kind = q.Kind,
                Competency = q.Competency,
                Trait = q.Trait,
                Levels = q.Levels.Select(l => l.Code()).ToList(),
                Round = q.Round,
                Title = q.Title,
                Prompt = q.Prompt,
                Positive = KitForms.JoinIndicators(q.Positive),
                Negative = KitForms.JoinIndicators(q.Negative),
                FollowUps = KitForms.JoinLines(q.FollowUps),
                ModelAnswer = q.ModelAnswer,
                AssessmentPoints = KitForms.JoinLines(q.AssessmentPoints),
                Pitfalls = KitForms.JoinIndicators(q.Pitfalls),
                RedFlags = KitForms.JoinLines(q.RedFlags),
                StrongAnswer = KitForms.JoinLines(q.StrongAnswer),
            };
        }

        public Question ToQuestion(string id)
        {
            var levels = Hirekit.Core.Kits.Levels.All.Where(HasLevel).ToValueList();
            return new Question(
                id,
                KitForms.Text(Kind),
                Blank(Competency),
                Blank(Trait),
                levels,
                KitForms.Text(Round),
                KitForms.Text(Title),
                KitForms.Text(Prompt),
                KitForms.Indicators(Positive),
                KitForms.Indicators(Negative),
                KitForms.Lines(FollowUps),
                Blank(ModelAnswer),
                KitForms.Lines(AssessmentPoints),
                KitForms.Indicators(Pitfalls),
                KitForms.Lines(RedFlags),
                KitForms.Lines(StrongAnswer));
        }

        private static string? Blank(string? value) => KitForms.Text(value) is { Length: > 0 } text ? text : null;
    }
}
