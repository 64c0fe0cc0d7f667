using System.Text.RegularExpressions;
using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Common;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Screens;

/// <summary>
/// The candidate's written screen at <c>/s/{token}</c>, with no account: the instructions, a text
/// field per question with a word count, drafts ("Save draft", and the script autosaves through the
/// same handler) and one submission. Unknown, cancelled and foreign links all answer the same 404.
/// After the deadline nothing more is saved; after the submission the answers are shown read-only.
/// </summary>
public sealed partial class AnswerModel(OpenAsyncScreen open, SaveAsyncScreenDraft draft, SubmitAsyncScreen submit) : HirekitPageModel
{
    public CandidateScreenView View { get; private set; } = null!;

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>A refusal of the whole screen (deadline passed, already submitted), shown above the questions.</summary>
    public string? Closed { get; private set; }

    public bool Editable => View.Screen.IsOpenAt(View.Now);

    public string Deadline => AsyncScreenMail.Deadline(View.Screen.Deadline, View.Zone);

    public string? SavedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            return NotFound();
        }

        Answers = View.Questions.ToDictionary(q => q.Id, q => (string?)View.Answers.GetValueOrDefault(q.Id, ""), StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string token, CancellationToken ct)
    {
        var result = await draft.HandleAsync(token, Answers, ct);
        if (Request.Headers.ContainsKey("X-Autosave"))
        {
            NoStore();
            return result.IsSuccess
                ? new JsonResult(new { savedAt = result.Value })
                : new JsonResult(new { code = result.Error!.Code, message = result.Error.Message }) { StatusCode = StatusFor(result.Error) };
        }

        if (result.IsSuccess)
        {
            return Redirect($"/s/{Uri.EscapeDataString(token)}?saved=1#answers-heading");
        }

        return await ShowErrorAsync(token, result.Error!, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string token, CancellationToken ct)
    {
        if (!Confirm)
        {
            if (!await LoadAsync(token, ct))
            {
                return NotFound();
            }

            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm that your answers are final.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await submit.HandleAsync(token, Answers, ct);
        return result.IsSuccess
            ? Redirect($"/s/{Uri.EscapeDataString(token)}#done-heading")
            : await ShowErrorAsync(token, result.Error!, ct);
    }

    public static int Words(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : WordPattern().Count(text);

    public static string WordLabel(int n) => n == 1 ? "1 word" : $"{n} words";

    public string FieldId(string questionId) => $"answer-{questionId}";

    private async Task<IActionResult> ShowErrorAsync(string token, Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(token, ct))
        {
            return NotFound();
        }

        if (error.Kind == ErrorKind.Conflict)
        {
            Closed = error.Message;
        }
        else if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                var key = field.StartsWith("answers.", StringComparison.Ordinal) ? $"Answers[{field["answers.".Length..]}]" : string.Empty;
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        Response.StatusCode = StatusFor(error);
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        NoStore();
        var view = await open.HandleAsync(token, ct);
        if (!view.IsSuccess)
        {
            return false;
        }

        View = view.Value;
        if (Request.Query.ContainsKey("saved") && Editable)
        {
            SavedAt = "Draft saved.";
        }

        return true;
    }

    /// <summary>The page holds a candidate's answers: no cache keeps a copy.</summary>
    private void NoStore() => Response.Headers.CacheControl = "no-store";

    private static int StatusFor(Error error) => error.Kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();
}
