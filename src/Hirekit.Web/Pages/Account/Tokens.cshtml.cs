using System.ComponentModel.DataAnnotations;
using Hirekit.Core.ApiTokens;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Account;

/// <summary>Personal API tokens: create (the secret is shown once, in the response to the POST), list, revoke.</summary>
public sealed class TokensModel(ListApiTokens list, CreateApiToken create, RevokeApiToken revoke, TimeProvider time) : HirekitPageModel
{
    public static readonly IReadOnlyList<(int? Days, string Label)> Lifetimes =
        [(30, "30 days"), (90, "90 days"), (365, "1 year"), (null, "No expiry")];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public CreateApiToken.Response? Created { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    [BindProperty]
    public TokenForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await list.HandleAsync(Actor, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await create.HandleAsync(Actor, new CreateApiToken.Request(Form.Name, Form.ExpiresInDays), ct);
            if (result.IsSuccess)
            {
                Created = result.Value;
                Form = new TokenForm();
                ModelState.Clear();
            }
            else
            {
                AddErrors(result.Error!, nameof(Form));
            }
        }

        Tokens = await list.HandleAsync(Actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(Actor, id, ct);
        Flash = result.IsSuccess ? "Token revoked. It no longer works." : result.Error!.Message;
        return RedirectToPage();
    }

    public sealed class TokenForm
    {
        [Required(ErrorMessage = "Name the token after what uses it.")]
        [StringLength(CreateApiToken.MaxNameLength)]
        public string Name { get; set; } = "";

        [Display(Name = "Expires")]
        public int? ExpiresInDays { get; set; } = 90;
    }
}
