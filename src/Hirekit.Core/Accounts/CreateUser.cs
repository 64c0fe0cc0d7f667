using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.Accounts;

/// <summary>
/// Creates a user with a password and makes them a member of an organisation (scripted installs:
/// <c>hirekit users create</c>). When the e-mail already belongs to a user of another organisation,
/// that user is added as a member and their password is left unchanged.
/// </summary>
public sealed class CreateUser(IAccountStore store, TimeProvider time)
{
    public const int MaxNameLength = 120;

    public sealed record Request(Guid OrganizationId, string Email, string? DisplayName, Role Role, string Password);

    public sealed record Response(Guid UserId, string Email, bool AddedExistingUser);

    public async Task<Result<Response>> HandleAsync(Actor? actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (actor is not null && (actor.Role != Role.Admin || actor.OrganizationId != request.OrganizationId))
        {
            return Error.Forbidden("member.forbidden", "Only admins of the organisation can add members.");
        }

        if (!Emails.LooksValid(request.Email))
        {
            return Error.Validation("email", "Enter a valid e-mail address.");
        }

        var email = Emails.Normalize(request.Email);
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : request.DisplayName.Trim();
        if (name.Length > MaxNameLength)
        {
            return Error.Validation("displayName", $"The name can have at most {MaxNameLength} characters.");
        }

        var organization = await store.FindOrganizationAsync(request.OrganizationId, ct);
        if (organization is null)
        {
            return Error.NotFound("organization.not_found", "The organisation does not exist.");
        }

        var now = time.GetUtcNow();
        var existing = await store.FindUserByEmailAsync(email, ct);
        if (existing is not null)
        {
            var membership = new Membership(organization.Id, existing.Id, request.Role, true, now);
            var added = await store.AddMembershipAsync(membership, AuditEntry.System(organization.Id, actor?.UserId, "member.added", "user", existing.Id, now, $"role {request.Role.Code()}"), ct);
            return added ? new Response(existing.Id, email, true) : Error.Conflict("member.exists", "That user is already a member of this organisation.");
        }

        if (PasswordHasher.Weakness(request.Password) is { } weakness)
        {
            return Error.Validation("password", weakness);
        }

        var user = new User(Ids.New(), email, name, PasswordHasher.Hash(request.Password), 0, null, now);
        var created = await store.CreateUserAsync(user, new Membership(organization.Id, user.Id, request.Role, true, now), AuditEntry.System(organization.Id, actor?.UserId, "user.created", "user", user.Id, now, $"role {request.Role.Code()}"), ct);
        return created ? new Response(user.Id, email, false) : Error.Conflict("user.email_taken", "A user with that e-mail already exists.");
    }
}
