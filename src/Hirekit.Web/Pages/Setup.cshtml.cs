using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Sessions;
using Hirekit.Core.Setup;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages;

/// <summary>First run: the one-time link from the console creates the organisation and its first admin, then signs them in.</summary>
public sealed class SetupModel(CompleteSetup completeSetup, SignIn signIn) : HirekitPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetupForm Form { get; set; } = new();

    public bool LinkValid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => LinkValid = await completeSetup.IsUsableAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        LinkValid = await completeSetup.IsUsableAsync(Token, ct);
        if (!LinkValid)
        {
            return Page();
        }

        if (Form.Password != Form.ConfirmPassword)
        {
            ModelState.AddModelError("Form.ConfirmPassword", "The two passwords differ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await completeSetup.HandleAsync(new CompleteSetup.Request(Token!, Form.OrganizationName, Form.DisplayName, Form.Email, Form.Password), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!, nameof(Form));
            LinkValid = result.Error!.Code != CompleteSetup.InvalidToken.Code;
            return Page();
        }

        var session = await signIn.HandleAsync(new SignIn.Request(Form.Email, Form.Password), ct);
        if (session.IsSuccess)
        {
            SignInCookie.Issue(HttpContext, session.Value.Token);
        }

        Flash = "Your organisation is ready. Invite your team from Users.";
        return Redirect("/");
    }

    public sealed class SetupForm
    {
        [Required(ErrorMessage = "Enter the organisation name.")]
        [StringLength(120)]
        [Display(Name = "Organisation name")]
        public string OrganizationName { get; set; } = "";

        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(120)]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
