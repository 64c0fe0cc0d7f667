using System.Security.Claims;
using Hirekit.Core.Accounts;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Me;

public static class MeApi
{
    public sealed record UserView(Guid Id, string Email, string DisplayName);

    public sealed record OrganizationView(Guid Id, string Name, string Slug);

    public sealed record MeResponse(UserView User, OrganizationView Organization, string Role);

    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/me", "Account");
        group.MapGet("", GetMe).WithName("GetMe").WithSummary("The calling user, their organisation and role.");
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(ClaimsPrincipal principal, GetCurrentMember useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var (member, organization) = result.Value;
        return TypedResults.Ok(new MeResponse(
            new UserView(member.UserId, member.Email, member.DisplayName),
            new OrganizationView(organization.Id, organization.Name, organization.Slug),
            member.Role.Code()));
    }
}
