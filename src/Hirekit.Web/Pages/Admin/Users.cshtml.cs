using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Accounts;
using Hirekit.Web.Hosting;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Pages.Admin;

/// <summary>Admins invite people, change roles, and deactivate or reactivate members.</summary>
public sealed class UsersModel(
    ListMembers listMembers,
    IInvitationStore invitations,
    InviteMember invite,
    RevokeInvitation revokeInvitation,
    ChangeMemberRole changeRole,
    SetMemberActive setActive,
    IOptions<HirekitWebOptions> options,
    TimeProvider time) : HirekitPageModel
{
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Pending { get; private set; } = [];

    /// <summary>The link of an invitation just created: shown once, since only its hash is stored.</summary>
    public string? InvitationLink { get; private set; }

    [BindProperty]
    public InviteForm Form { get; set; } = new();

    public Guid CurrentUserId => Actor.UserId;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            if (!Roles.TryParse(Form.Role, out var role))
            {
                ModelState.AddModelError("Form.Role", "Choose a role.");
            }
            else
            {
                var result = await invite.HandleAsync(Actor, new InviteMember.Request(Form.Email, role), ct);
                if (result.IsSuccess)
                {
                    InvitationLink = $"{BaseUrl()}/invitation/{result.Value.Token}";
                    Form = new InviteForm();
                    ModelState.Clear();
                }
                else
                {
                    AddErrors(result.Error!, nameof(Form));
                }
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, string role, CancellationToken ct)
    {
        if (!Roles.TryParse(role, out var parsed))
        {
            Flash = "Choose a valid role.";
            return RedirectToPage();
        }

        var result = await changeRole.HandleAsync(Actor, new ChangeMemberRole.Request(userId, parsed), ct);
        Flash = result.IsSuccess ? $"{result.Value.DisplayName} is now {result.Value.Role.Label()}." : result.Error!.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid userId, bool active, CancellationToken ct)
    {
        var result = await setActive.HandleAsync(Actor, new SetMemberActive.Request(userId, active), ct);
        Flash = result.IsSuccess
            ? $"{result.Value.DisplayName} was {(active ? "reactivated" : "deactivated; their sessions ended")}."
            : result.Error!.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeInvitationAsync(Guid invitationId, CancellationToken ct)
    {
        var result = await revokeInvitation.HandleAsync(Actor, invitationId, ct);
        Flash = result.IsSuccess ? "Invitation revoked." : result.Error!.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var members = await listMembers.HandleAsync(Actor, ct);
        Members = members.IsSuccess ? members.Value : [];
        Pending = await invitations.ListPendingAsync(Actor.OrganizationId, time.GetUtcNow(), ct);
    }

    private string BaseUrl() =>
        string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}" : options.Value.PublicUrl.TrimEnd('/');

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Enter an e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = "interviewer";
    }
}
