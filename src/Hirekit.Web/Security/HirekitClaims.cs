using System.Security.Claims;
using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Web.Security;

/// <summary>The claims both authentication schemes put on a principal, and the way back to an <see cref="Actor"/>.</summary>
public static class HirekitClaims
{
    public const string UserId = "sub";
    public const string OrganizationId = "org";
    public const string SessionId = "sid";
    public const string Name = "name";
    public const string Role = ClaimTypes.Role;

    public static ClaimsPrincipal ToPrincipal(Actor actor, string scheme, Guid? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(UserId, actor.UserId.ToString()),
            new(OrganizationId, actor.OrganizationId.ToString()),
            new(Name, actor.DisplayName),
            new(Role, actor.Role.Code()),
        };
        if (sessionId is { } sid)
        {
            claims.Add(new Claim(SessionId, sid.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Name, Role));
    }

    /// <summary>The acting member; only valid behind an authorization policy.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.TryGetActor() ?? throw new InvalidOperationException("The request is not authenticated; the endpoint lacks an authorization policy.");
    }

    public static Actor? TryGetActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(UserId), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(OrganizationId), out var organizationId)
            || !Roles.TryParse(principal.FindFirstValue(Role), out var role))
        {
            return null;
        }

        return new Actor(userId, organizationId, role, principal.FindFirstValue(Name) ?? "");
    }

    public static Guid? SessionIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionId), out var id) ? id : null;
}
