using System.ComponentModel.DataAnnotations;
using Hirekit.Core.Sessions;
using Hirekit.Web.Hosting;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hirekit.Web.Pages;

[EnableRateLimiting(HirekitWebServices.SignInRateLimit)]
public sealed class SignInModel(SignIn signIn) : HirekitPageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.TryGetActor() is null ? Page() : LocalRedirect(SafeReturnUrl());

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.HandleAsync(new SignIn.Request(Form.Email, Form.Password), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error!);
            return Page();
        }

        SignInCookie.Issue(HttpContext, result.Value.Token);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
