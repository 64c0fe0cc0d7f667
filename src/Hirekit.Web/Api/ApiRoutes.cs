using Hirekit.Web.Errors;
using Hirekit.Web.Security;

namespace Hirekit.Web.Api;

public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// A feature's route group under <c>/api/v1</c>: its tag, the given authorization policy, and
    /// request validation. Handlers refine the policy and check objects themselves.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string path, string tag, string policy = Policies.Member)
    {
        var group = app.MapGroup(Prefix + path).WithTags(tag).RequireAuthorization(policy);
        group.AddEndpointFilterFactory(ValidationFilter.Factory);
        return group;
    }
}
