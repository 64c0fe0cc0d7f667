using System.Text.Encodings.Web;
using Hirekit.Core.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Security;

/// <summary>
/// Browser sessions: the cookie holds a random token; the server-side session row decides
/// whether it is still valid (idle and absolute expiry, member active, not signed out).
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateSession authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    public const string CookieName = "hirekit_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var session = await authenticate.HandleAsync(token, Context.RequestAborted);
        if (session is null)
        {
            Response.Cookies.Delete(CookieName, SessionCookie.Options(Request));
            return AuthenticateResult.Fail("The session is not valid.");
        }

        var principal = HirekitClaims.ToPrincipal(session.Actor, SchemeName, session.SessionId);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var returnUrl = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

/// <summary>The session cookie's attributes, shared by sign-in, sign-out and expiry.</summary>
public static class SessionCookie
{
    public static CookieOptions Options(HttpRequest request, DateTimeOffset? expires = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            Path = "/",
            IsEssential = true,
            Expires = expires,
        };
    }
}
