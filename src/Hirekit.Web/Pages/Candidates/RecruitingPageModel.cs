using Hirekit.Core.Accounts;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// Common ground of the candidate, application and pipeline pages: who may do what, and the
/// answer to a use case's refusal.
/// </summary>
public abstract class RecruitingPageModel : HirekitPageModel
{
    /// <summary>Admins and recruiters add, import, export and merge candidates.</summary>
    public bool CanManage => CandidateAccess.CanManage(Actor);

    /// <summary>
    /// Admins, recruiters and hiring managers move applications of the jobs they may change (the
    /// use case checks the job); interviewers only read.
    /// </summary>
    public bool CanMove => Actor.Role is Role.Admin or Role.Recruiter or Role.HiringManager;

    /// <summary>
    /// The answer to a failure that is not about the form: the friendly 404 for anything missing,
    /// of another organisation or out of the member's reach, 403 for a role that may not do it;
    /// else null (the caller shows the message on the page).
    /// </summary>
    protected IActionResult? Refusal(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ErrorKind.NotFound => NotFound(),
            ErrorKind.Forbidden => Forbid(),
            _ => null,
        };
    }

    /// <summary>A path on this site only, so a posted return address cannot send people elsewhere.</summary>
    protected static string? LocalPath(string? url) =>
        url is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' ? u : null;
}
