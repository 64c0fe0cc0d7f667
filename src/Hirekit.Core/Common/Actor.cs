using Hirekit.Core.Accounts;

namespace Hirekit.Core.Common;

/// <summary>
/// Who is acting, resolved by authentication from a session or an API token. Every use case
/// scopes its reads and writes to <see cref="OrganizationId"/>.
/// </summary>
public sealed record Actor(Guid UserId, Guid OrganizationId, Role Role, string DisplayName)
{
    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Admins and recruiters see every job and candidate of the organisation.</summary>
    public bool SeesAllOfOrganization => Role is Role.Admin or Role.Recruiter;

    /// <summary>
    /// The member whose teams scope a store's read: null for those who see the whole
    /// organisation, else this member (stores then keep the jobs whose team they are on).
    /// </summary>
    public Guid? TeamScope => SeesAllOfOrganization ? null : UserId;
}
