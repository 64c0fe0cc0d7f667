using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Accounts;
using Hirekit.Web.Errors;
using Hirekit.Web.Hosting;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Api.Members;

/// <summary>Members and invitations of the caller's organisation (admins).</summary>
public static class MembersApi
{
    public sealed record MemberView(Guid UserId, string Email, string DisplayName, Role Role, bool Active, DateTimeOffset JoinedAt);

    public sealed record RoleRequest([property: Required] Role? Role);

    public sealed record InvitationRequest(
        [property: Required, EmailAddress, StringLength(254)] string? Email,
        [property: Required] Role? Role);

    /// <param name="Link">The one-time link to send to the person; it is not retrievable later.</param>
    public sealed record InvitationView(Guid Id, string Email, Role Role, string Link, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapApiGroup("/members", "Members", Policies.Admin);
        members.MapGet("", List).WithName("ListMembers");
        members.MapGet("/{userId:guid}", Get).WithName("GetMember");
        members.MapPut("/{userId:guid}/role", ChangeRole).WithName("ChangeMemberRole");
        members.MapPost("/{userId:guid}/deactivate", (Guid userId, ClaimsPrincipal p, SetMemberActive useCase, CancellationToken ct) => SetActive(userId, false, p, useCase, ct)).WithName("DeactivateMember");
        members.MapPost("/{userId:guid}/reactivate", (Guid userId, ClaimsPrincipal p, SetMemberActive useCase, CancellationToken ct) => SetActive(userId, true, p, useCase, ct)).WithName("ReactivateMember");

        var invitations = app.MapApiGroup("/invitations", "Members", Policies.Admin);
        invitations.MapPost("", Invite).WithName("CreateInvitation");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<MemberView>>, ProblemHttpResult>> List(ClaimsPrincipal principal, ListMembers useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), ct);
        return result.IsSuccess ? TypedResults.Ok<IReadOnlyList<MemberView>>(result.Value.Select(View).ToList()) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Get(Guid userId, ClaimsPrincipal principal, GetMember useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), userId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ChangeRole(Guid userId, RoleRequest request, ClaimsPrincipal principal, ChangeMemberRole useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new ChangeMemberRole.Request(userId, request.Role!.Value), ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> SetActive(Guid userId, bool active, ClaimsPrincipal principal, SetMemberActive useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new SetMemberActive.Request(userId, active), ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Created<InvitationView>, ProblemHttpResult>> Invite(InvitationRequest request, ClaimsPrincipal principal, InviteMember useCase, IOptions<HirekitWebOptions> options, HttpRequest http, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new InviteMember.Request(request.Email!, request.Role!.Value), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? $"{http.Scheme}://{http.Host}{http.PathBase}" : options.Value.PublicUrl.TrimEnd('/');
        var view = new InvitationView(result.Value.InvitationId, result.Value.Email, request.Role!.Value, $"{baseUrl}/invitation/{result.Value.Token}", result.Value.ExpiresAt);
        return TypedResults.Created($"{ApiRoutes.Prefix}/invitations/{view.Id}", view);
    }

    private static MemberView View(Member m) => new(m.UserId, m.Email, m.DisplayName, m.Role, m.IsActive, m.CreatedAt);
}
