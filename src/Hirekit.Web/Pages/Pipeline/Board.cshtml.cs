using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Web.Pages.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Pipeline;

/// <summary>
/// A job's pipeline board: a column per stage with its count and newest cards (a fixed number of
/// queries, whatever the number of applications; see GetPipeline). Each column that cards can leave is one move
/// form: a checkbox per card and one stage list, so a recruiter moves one or several candidates
/// with a plain post that comes back here (post/redirect/get). pipeline.js adds drag and drop,
/// which posts one application with fetch and gets JSON back.
/// </summary>
public sealed class BoardModel(GetPipeline getPipeline, MoveApplication move) : RecruitingPageModel
{
    /// <summary>The most applications one post may move; each is its own transaction, so the cap bounds the request's time.</summary>
    public const int MaxPerMove = 100;

    private const string ChooseStage = "Choose a stage from the list.";
    private const string ChooseCandidate = "Choose at least one candidate.";
    private static readonly string TooMany = $"Move at most {MaxPerMove} candidates at a time.";

    public sealed record MoveOutcome(bool Ok, string Message, string? Stage = null);

    public GetPipeline.Response Board { get; private set; } = null!;

    public IReadOnlyList<StageOption> Targets { get; private set; } = [];

    public Guid JobId => Board.Job.Job.Id;

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct) =>
        await LoadAsync(jobId, ct) ?? Page();

    /// <summary>
    /// Moves every application named by an <c>applicationId</c> field to <paramref name="stage"/>,
    /// each through <see cref="MoveApplication"/> (its own access check and transaction), so one
    /// that cannot move leaves the others moved. A request that accepts JSON (the drag-and-drop
    /// script, one application) gets a <see cref="MoveOutcome"/> instead of a page.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid jobId, string[]? applicationId, string? stage, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        var target = RecruitingText.ParseStage(stage);
        // A value that is not an id stays in the list as null: it names nothing the member can
        // see, so it is reported like an unknown id.
        var ids = (applicationId ?? []).Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null)
            .Distinct()
            .ToList();
        var problems = Problems(target, ids.Count);
        if (problems.Count > 0)
        {
            return wantsJson
                ? new JsonResult(new MoveOutcome(false, problems[0])) { StatusCode = StatusCodes.Status400BadRequest }
                : await ShowErrorsAsync(jobId, problems, ct);
        }

        var request = new MoveApplication.Request(target!.Value.Stage, target.Value.StageId, null, OnJob: jobId);
        var report = new MoveReport();
        Error? lastError = null;
        foreach (var id in ids)
        {
            var result = id is { } known ? await move.HandleAsync(Actor, known, request, ct) : ApplicationAccess.NotFound;
            if (result.IsSuccess)
            {
                report.Succeeded(result.Value.Id);
            }
            else
            {
                lastError = result.Error!;
                report.Failed(Message(lastError));
            }
        }

        if (wantsJson)
        {
            return JsonAnswer(report, ids.Count, RecruitingText.StageValue(target.Value.Stage, target.Value.StageId), lastError);
        }

        if (report.Moved.Count > 0)
        {
            Flash = report.Summary();
            return Redirect($"/jobs/{jobId}/pipeline#card-{report.Moved[0]}");
        }

        // Nothing moved: a single application out of reach gets the usual 404 or 403; otherwise
        // the reasons are shown on the board as it is now.
        return (ids.Count == 1 ? Refusal(lastError!) : null)
            ?? await ShowErrorsAsync(jobId, [ids.Count == 1 ? lastError!.Message : report.Summary()], ct);
    }

    /// <summary>The form's values for moving to a column, or null for the columns a plain move cannot reach (rejected, withdrawn).</summary>
    public static string? DropValue(PipelineColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Stage is PipelineStages.Rejected or PipelineStages.Withdrawn ? null : RecruitingText.StageValue(column.Stage, column.StageId);
    }

    public string MoreHref(PipelineColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return $"/candidates?job={JobId}&stage={column.Stage}";
    }

    private static List<string> Problems((string Stage, Guid? StageId)? target, int count)
    {
        var problems = new List<string>();
        if (target is null)
        {
            problems.Add(ChooseStage);
        }

        if (count == 0)
        {
            problems.Add(ChooseCandidate);
        }
        else if (count > MaxPerMove)
        {
            problems.Add(TooMany);
        }

        return problems;
    }

    /// <summary>
    /// The script's answer. For its one application: ok with the stage value it now sits in, or
    /// the refusal's status and words. For several: the summary, 200 when any moved.
    /// </summary>
    private static JsonResult JsonAnswer(MoveReport report, int asked, string stage, Error? lastError)
    {
        if (report.FailedCount == 0)
        {
            return new JsonResult(new MoveOutcome(true, asked == 1 ? "Moved." : report.Summary(), stage));
        }

        return new JsonResult(new MoveOutcome(false, asked == 1 ? Message(lastError!) : report.Summary()))
        {
            StatusCode = report.Moved.Count == 0 ? Status(lastError!) : StatusCodes.Status200OK,
        };
    }

    private async Task<IActionResult> ShowErrorsAsync(Guid jobId, IEnumerable<string> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        return await LoadAsync(jobId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid jobId, CancellationToken ct)
    {
        var board = await getPipeline.HandleAsync(Actor, jobId, ct);
        if (!board.IsSuccess)
        {
            return Refusal(board.Error!) ?? NotFound();
        }

        Board = board.Value;
        Targets = Board.Columns.Select(c => (Value: DropValue(c), c.Name))
            .Where(c => c.Value is not null)
            .Select(c => new StageOption(c.Value!, c.Name))
            .ToList();
        return null;
    }

    private static string Message(Error error) => error.Kind switch
    {
        ErrorKind.NotFound => "That application is not on a board you can see.",
        ErrorKind.Forbidden => "Your role cannot move candidates on this job.",
        _ => error.Message,
    };

    private static int Status(Error error) => error.Kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}
