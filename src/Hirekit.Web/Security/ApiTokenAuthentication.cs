using System.Text.Encodings.Web;
using Hirekit.Core.ApiTokens;
using Hirekit.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Security;

/// <summary>
/// <c>Authorization: Bearer hk_...</c> for <c>/api/v1</c>. The API accepts nothing else, so a
/// browser's cookies can never drive it (no cross-site request forgery on the API).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiToken authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var actor = await authenticate.HandleAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return actor is null
            ? AuthenticateResult.Fail("The token is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(HirekitClaims.ToPrincipal(actor, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "auth.unauthenticated", "Authentication required", "Send a valid personal API token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "auth.forbidden", "Forbidden", "Your role does not allow this operation.");
}
