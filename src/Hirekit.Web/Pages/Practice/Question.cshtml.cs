using Hirekit.Core.Practice;
using Hirekit.Web.Hosting;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hirekit.Web.Pages.Practice;

/// <summary>
/// One practice question: the prompt and an answer form; posting shows the feedback on the same
/// page, rendered on the server (no script needed). The post is not redirected because the answer
/// is not kept anywhere to show after a redirect. Posts share the <c>practice</c> rate limit with the API.
/// </summary>
[EnableRateLimiting(HirekitWebServices.PracticeRateLimit)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxRequestBytes)]
public sealed class QuestionModel(PracticeCatalog catalog, GivePracticeFeedback feedback) : HirekitPageModel
{
    /// <summary>A maximal answer, form-encoded, fits comfortably; anything larger is not a practice answer.</summary>
    public const int MaxRequestBytes = 128 * 1024;

    public PracticeQuestion Question { get; private set; } = null!;

    public GivePracticeFeedback.Response? Feedback { get; private set; }

    [BindProperty]
    public string? Answer { get; set; }

    public IActionResult OnGet(string questionId)
    {
        if (catalog.Find(questionId) is not { } question)
        {
            return NotFound();
        }

        Question = question;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string questionId, CancellationToken ct)
    {
        if (catalog.Find(questionId) is not { } question)
        {
            return NotFound();
        }

        Question = question;
        var result = await feedback.HandleAsync(questionId, Answer, ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!);
            return Page();
        }

        Feedback = result.Value;
        return Page();
    }

    /// <summary>The number shown for a positive indicator: its place in the question's list.</summary>
    public static int Number(IndicatorFeedback indicator) => int.Parse(indicator.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
