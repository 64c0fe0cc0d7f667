using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// The interviewer kit: everything needed in the room (questions with indicators and follow-ups,
/// focus competencies with level descriptors, the resume, a timer) and, for the interview's
/// interviewers, their scorecard as one form. Save keeps a draft (the script autosaves through
/// the same handler); Submit locks it. Managers of the job read the kit without a form.
/// </summary>
public sealed class KitModel(GetInterviewKit getKit, SaveScorecard save, SubmitScorecard submit, GetResumeFile resume, GetAsyncScreenAnswers writtenAnswers) : HirekitPageModel
{
    public InterviewKit View { get; private set; } = null!;

    [BindProperty]
    public ScorecardForm Form { get; set; } = new();

    public Interview Interview => View.Details.Interview;

    /// <summary>For a written screen's review: the candidate's submitted answer per question id.</summary>
    public IReadOnlyDictionary<string, string> WrittenAnswers { get; private set; } = new Dictionary<string, string>();

    public bool IsWrittenScreen => Interview.Plan.StageKind == SendAsyncScreen.StageKind;

    /// <summary>The caller's own scorecard, still open for writing.</summary>
    public bool Editable => View.Own is { IsSubmitted: false } && !Interview.IsCancelled;

    public IReadOnlyList<FormError> Errors => FormErrors.Summary(ModelState, FormErrors.IdOf, OrderOfFields());

    public async Task<IActionResult> OnGetAsync(Guid interviewId, CancellationToken ct)
    {
        if (!await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        if (View.Own is { } own)
        {
            Form = ScorecardForm.From(own, Interview.Plan);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid interviewId, CancellationToken ct)
    {
        var result = await save.HandleAsync(Actor, interviewId, Form.ToContent(), Form.Revision, ct);
        if (IsAutosave)
        {
            return result.IsSuccess
                ? new JsonResult(new { revision = result.Value.Revision, savedAt = result.Value.UpdatedAt })
                : new JsonResult(new { code = result.Error!.Code, message = result.Error.Message }) { StatusCode = StatusFor(result.Error) };
        }

        if (result.IsSuccess)
        {
            Flash = "Draft saved.";
            return RedirectToPage(new { interviewId });
        }

        return await ShowErrorsAsync(interviewId, result.Error!, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid interviewId, CancellationToken ct)
    {
        var result = await submit.HandleAsync(Actor, interviewId, Form.ToContent(), Form.Revision, ct);
        if (result.IsSuccess)
        {
            Flash = "Scorecard submitted. It is locked now; thank you.";
            return RedirectToPage(new { interviewId });
        }

        return await ShowErrorsAsync(interviewId, result.Error!, ct);
    }

    /// <summary>The candidate's resume file, as an attachment, for whoever may open this kit.</summary>
    public async Task<IActionResult> OnGetResumeAsync(Guid interviewId, CancellationToken ct)
    {
        if (!await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        var file = await resume.HandleAsync(Actor, View.Details.CandidateId, null, ct);
        return file.IsSuccess ? File(file.Value.Content, file.Value.File.ContentType, file.Value.File.OriginalName) : NotFound();
    }

    public string When => InterviewMail.When(Interview, View.Details.Settings.Zone);

    public static string LevelName(int level) => ((Level)level).ToString();

    public static string RecommendationName(int value) => value switch
    {
        1 => "Strong no",
        2 => "No",
        3 => "Yes",
        _ => "Strong yes",
    };

    private bool IsAutosave => Request.Headers.ContainsKey("X-Autosave");

    private async Task<bool> LoadAsync(Guid interviewId, CancellationToken ct)
    {
        var kit = await getKit.HandleAsync(Actor, interviewId, ct);
        if (!kit.IsSuccess)
        {
            return false;
        }

        View = kit.Value;
        if (IsWrittenScreen)
        {
            WrittenAnswers = (await writtenAnswers.HandleAsync(Actor, interviewId, ct)).Value;
        }

        return true;
    }

    private async Task<IActionResult> ShowErrorsAsync(Guid interviewId, Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(interviewId, ct))
        {
            return NotFound();
        }

        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (key, messages) in fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(Form.FieldOf(key), message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        // Keep what was typed; the page continues from the stored revision, so after a "saved
        // elsewhere" warning the next save is a deliberate overwrite.
        if (View.Own is { } own)
        {
            Form.Revision = own.Revision;
        }

        Response.StatusCode = StatusFor(error);
        return Page();
    }

    private static int StatusFor(Error error) => error.Kind switch
    {
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    private List<string> OrderOfFields() =>
        [
            .. Form.Questions.Select((_, i) => $"Form.Questions[{i}].Notes"),
            .. Form.Ratings.Select((_, i) => $"Form.Ratings[{i}].Choice"),
            "Form.RedFlagNote",
            "Form.Recommendation",
            "Form.Summary",
        ];
}
