using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits;

/// <summary>One question with everything an interviewer needs; editors retire or restore it here.</summary>
public sealed class QuestionModel(GetKitQuestion getQuestion, SetQuestionRetired setRetired) : KitPageModel
{
    public GetKitQuestion.Response Detail { get; private set; } = null!;

    public Question Question => Detail.Question;

    public KitView View => Detail.View;

    public bool Retired => View.Retired.Contains(Question.Id);

    public int Uses => View.UsesOf(Question.Id);

    public bool IsLatest => View.Version.Number == View.Summary.LatestVersion;

    public string KitHref => IsLatest ? $"/kits/{View.Summary.Id}" : $"/kits/{View.Summary.Id}?version={View.Version.Number}";

    public async Task<IActionResult> OnGetAsync(Guid kitId, string questionKey, int? version, CancellationToken ct)
    {
        var result = await getQuestion.HandleAsync(Actor, kitId, questionKey, version, ct);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!) ?? NotFound();
        }

        Detail = result.Value;
        return Page();
    }

    /// <summary>Retires (<paramref name="retired"/> true) or restores the question for the organisation; no new version needed.</summary>
    public async Task<IActionResult> OnPostRetiredAsync(Guid kitId, string questionKey, bool retired, int? version, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await setRetired.HandleAsync(Actor, kitId, questionKey, retired, ct);
        if (!result.IsSuccess)
        {
            if (Refusal(result.Error!) is { } refusal)
            {
                return refusal;
            }

            Flash = result.Error!.Message;
        }
        else
        {
            Flash = retired
                ? "Question retired: it stays in past interviews and kit versions, but the question bank no longer offers it."
                : "Question restored: the question bank offers it again.";
        }

        return RedirectToPage(new { kitId, questionKey, version });
    }
}
