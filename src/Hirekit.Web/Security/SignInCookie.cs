namespace Hirekit.Web.Security;

/// <summary>Puts a new session token into the browser. The cookie lives as long as the browser session; the server enforces expiry.</summary>
public static class SignInCookie
{
    public static void Issue(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, token, SessionCookie.Options(context.Request));
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName, SessionCookie.Options(context.Request));
    }
}
