using System.Text;
using Hirekit.Core.Accounts;
using Hirekit.Core.Offers;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Debriefs;

/// <summary>
/// One offer: its figures against the band, its status with the next steps as buttons, the admin
/// approval form when it waits for one, and the letter draft (HTML preview, Markdown download).
/// </summary>
public sealed class OfferModel(GetOffer getOffer, ChangeOfferStatus changeStatus, ApproveOffer approve) : HirekitPageModel
{
    public OfferView View { get; private set; } = null!;

    public Offer Offer => View.Offer;

    [BindProperty]
    public string? Reason { get; set; }

    public bool CanMove => Actor.Role is Role.Admin or Role.Recruiter or Role.HiringManager;

    public bool CanApprove => Actor.IsAdmin && Offer.Status == OfferStatuses.ApprovalPending;

    /// <summary>The buttons for the offer's next statuses, with what each does.</summary>
    public IReadOnlyList<(string Status, string Label)> NextSteps => Offer.Status switch
    {
        OfferStatuses.Draft => [(OfferStatuses.ApprovalPending, Offer.Band.Within ? "Approve (inside the band)" : "Ask an admin to approve")],
        OfferStatuses.ApprovalPending => [(OfferStatuses.Draft, "Back to draft")],
        OfferStatuses.Approved => [(OfferStatuses.Sent, "Mark as sent to the candidate")],
        OfferStatuses.Sent => [(OfferStatuses.Accepted, "The candidate accepted"), (OfferStatuses.Declined, "The candidate declined")],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid offerId, CancellationToken ct) => await LoadAsync(offerId, ct) ?? Page();

    public async Task<IActionResult> OnGetLetterAsync(Guid offerId, CancellationToken ct)
    {
        if (await LoadAsync(offerId, ct) is { } refusal)
        {
            return refusal;
        }

        return File(Encoding.UTF8.GetBytes(Offer.LetterMarkdown), "text/markdown; charset=utf-8", $"offer-{offerId}.md");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid offerId, string? status, CancellationToken ct)
    {
        var result = await changeStatus.HandleAsync(Actor, offerId, status, ct);
        if (result.IsSuccess)
        {
            Flash = $"The offer is {result.Value.Status.Replace('_', ' ')}.";
            return RedirectToPage(new { offerId });
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        ModelState.AddModelError(string.Empty, result.Error!.Message);
        return await LoadAsync(offerId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid offerId, CancellationToken ct)
    {
        var result = await approve.HandleAsync(Actor, offerId, Reason, ct);
        if (result.IsSuccess)
        {
            Flash = "Offer approved.";
            return RedirectToPage(new { offerId });
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        ModelState.AddModelError(result.Error!.Fields is null ? string.Empty : nameof(Reason), result.Error.Message);
        return await LoadAsync(offerId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid offerId, CancellationToken ct)
    {
        var view = await getOffer.HandleAsync(Actor, offerId, ct);
        if (!view.IsSuccess)
        {
            return NotFound();
        }

        View = view.Value;
        return null;
    }
}
