using Hirekit.Core.Accounts;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Web.Pages.Shared;

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


    /// <summary>A path on this site only, so a posted return address cannot send people elsewhere.</summary>
    protected static string? LocalPath(string? url) =>
        url is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' ? u : null;
}
