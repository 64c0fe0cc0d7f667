using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Accounts;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Account;

public sealed class IndexModel(GetCurrentMember getCurrentMember, ChangePassword changePassword) : HirekitPageModel
{
    public GetCurrentMember.Response? Me { get; private set; }

    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Form.NewPassword != Form.ConfirmPassword)
        {
            ModelState.AddModelError("Form.ConfirmPassword", "The two new passwords differ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await changePassword.HandleAsync(Actor, HirekitClaims.SessionIdOf(User), new ChangePassword.Request(Form.CurrentPassword, Form.NewPassword), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!, nameof(Form));
            return Page();
        }

        Flash = "Password changed. Your other sessions were signed out.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await getCurrentMember.HandleAsync(Actor, ct);
        Me = result.IsSuccess ? result.Value : null;
        return Me is not null;
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
