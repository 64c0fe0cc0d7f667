using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Web.Pages.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Pipeline;

/// <summary>
/// A job's pipeline board: a column per stage with its count and newest cards (two queries for
/// the board, whatever the number of applications). Each card has a plain move form that posts
/// here and comes back (post/redirect/get); pipeline.js adds drag and drop, which posts the same
/// form with fetch and gets JSON back.
/// </summary>
public sealed class BoardModel(GetPipeline getPipeline, MoveApplication move) : RecruitingPageModel
{
    public sealed record MoveOutcome(bool Ok, string Message, string? Stage = null);

    public GetPipeline.Response Board { get; private set; } = null!;

    public IReadOnlyList<StageOption> Targets { get; private set; } = [];

    public Guid JobId => Board.Job.Job.Id;

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken ct) =>
        await LoadAsync(jobId, ct) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid jobId, Guid applicationId, string? stage, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (RecruitingText.ParseStage(stage) is not { } target)
        {
            return wantsJson
                ? new JsonResult(new MoveOutcome(false, "Choose a stage from the list.")) { StatusCode = StatusCodes.Status400BadRequest }
                : await ShowErrorAsync(jobId, "Choose a stage from the list.", ct);
        }

        var result = await move.HandleAsync(Actor, applicationId, new MoveApplication.Request(target.Stage, target.StageId, null), ct);
        if (wantsJson)
        {
            return result.IsSuccess
                ? new JsonResult(new MoveOutcome(true, "Moved.", RecruitingText.StageValue(result.Value.Stage, result.Value.StageId)))
                : new JsonResult(new MoveOutcome(false, Message(result.Error!))) { StatusCode = Status(result.Error!) };
        }

        if (result.IsSuccess)
        {
            Flash = "Moved.";
            return Redirect($"/jobs/{jobId}/pipeline#card-{applicationId}");
        }

        return Refusal(result.Error!) ?? await ShowErrorAsync(jobId, result.Error!.Message, ct);
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

    private async Task<IActionResult> ShowErrorAsync(Guid jobId, string message, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, message);
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
