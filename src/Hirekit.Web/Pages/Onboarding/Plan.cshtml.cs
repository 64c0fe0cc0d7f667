using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Onboarding;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Onboarding;

/// <summary>
/// The hire's 30/60/90 plan as a checklist the hiring manager keeps: tick items off (or reopen
/// them) and send the new hire a fresh link when the old one is lost.
/// </summary>
public sealed class PlanModel(GetApplication getApplication, GetOnboardingPlan getPlan, SetOnboardingItemDone setDone, RenewOnboardingLink renew) : HirekitPageModel
{
    public ApplicationDetails Details { get; private set; } = null!;

    public OnboardingPlan Plan { get; private set; } = null!;

    public bool CanEdit => Actor.Role is Role.Admin or Role.Recruiter or Role.HiringManager;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct) => await LoadAsync(applicationId, ct) ?? Page();

    public async Task<IActionResult> OnPostItemAsync(Guid applicationId, Guid itemId, bool done, CancellationToken ct)
    {
        var result = await setDone.HandleAsync(Actor, applicationId, itemId, done, ct);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!) ?? NotFound();
        }

        return Redirect($"/applications/{applicationId}/onboarding#phase-{result.Value.Items.First(i => i.Id == itemId).PhaseId}");
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid applicationId, CancellationToken ct)
    {
        var result = await renew.HandleAsync(Actor, applicationId, ct);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!) ?? NotFound();
        }

        Flash = "A new link is on its way to the new hire; the previous one no longer works.";
        return RedirectToPage(new { applicationId });
    }

    private async Task<IActionResult?> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var plan = await getPlan.HandleAsync(Actor, applicationId, ct);
        if (!plan.IsSuccess)
        {
            return Refusal(plan.Error!) ?? NotFound();
        }

        Plan = plan.Value;
        Details = (await getApplication.HandleAsync(Actor, applicationId, ct)).Value;
        return null;
    }
}
