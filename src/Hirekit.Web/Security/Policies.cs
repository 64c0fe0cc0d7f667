using Hirekit.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Hirekit.Web.Security;

/// <summary>
/// Named authorization policies. Every endpoint names one (or is explicitly anonymous); a
/// convention test enforces it. Role policies gate whole features; per-object checks (an
/// interviewer sees only their interviews) live in the use cases.
/// </summary>
public static class Policies
{
    /// <summary>Any active member of the organisation.</summary>
    public const string Member = "member";

    public const string Admin = "admin";

    /// <summary>Admins and recruiters.</summary>
    public const string Recruiting = "recruiting";

    /// <summary>Admins, recruiters and hiring managers.</summary>
    public const string Hiring = "hiring";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Role.Admin.Code()));
        options.AddPolicy(Recruiting, p => p.RequireAuthenticatedUser().RequireRole(Role.Admin.Code(), Role.Recruiter.Code()));
        options.AddPolicy(Hiring, p => p.RequireAuthenticatedUser().RequireRole(Role.Admin.Code(), Role.Recruiter.Code(), Role.HiringManager.Code()));

        // Secure by default: an endpoint someone forgot to annotate still requires a signed-in member.
        options.FallbackPolicy = options.GetPolicy(Member);
        options.DefaultPolicy = options.GetPolicy(Member)!;
    }
}
