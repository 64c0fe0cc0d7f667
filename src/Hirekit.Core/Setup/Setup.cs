using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Security;

namespace Hirekit.Core.Setup;

public enum SetupOutcome
{
    Completed,
    InvalidToken,
    AlreadyDone,
}

public interface ISetupStore
{
    Task CreateTokenAsync(string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct);

    Task<bool> IsTokenUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// In one transaction: consumes the token (unused and unexpired), closes setup, checks that no
    /// user exists yet, and creates the organisation, the first admin and their membership.
    /// Concurrent attempts serialise on the installation row, so at most one setup ever completes.
    /// </summary>
    Task<SetupOutcome> CompleteAsync(string tokenHash, DateTimeOffset now, Organization organization, User admin, AuditEntry audit, CancellationToken ct);
}

/// <summary>
/// First run: while no user exists, each server start issues a one-time setup token valid for an
/// hour and prints its link. Returns null when setup is already done.
/// </summary>
public sealed class IssueSetupToken(IAccountStore accounts, ISetupStore store, TimeProvider time)
{
    public async Task<string?> HandleAsync(CancellationToken ct)
    {
        if (await accounts.AnyUserAsync(ct))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var token = SecretToken.Create();
        await store.CreateTokenAsync(SecretToken.Hash(token), now, now + SecurityPolicy.SetupTokenLifetime, ct);
        return token;
    }
}

/// <summary>Creates the organisation and its first admin from the setup page.</summary>
public sealed class CompleteSetup(ISetupStore store, InstallBuiltInKits installKits, TimeProvider time)
{
    public sealed record Request(string Token, string OrganizationName, string DisplayName, string Email, string Password);

    public sealed record Response(Guid OrganizationId, Guid UserId);

    public static readonly Error InvalidToken = Error.NotFound("setup.invalid_token", "This setup link is not valid: it was used, it expired, or setup is already done. Restart the server for a new link while no user exists.");

    public async Task<bool> IsUsableAsync(string? token, CancellationToken ct) =>
        SecretToken.HashPresented(token) is { } hash && await store.IsTokenUsableAsync(hash, time.GetUtcNow(), ct);

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string[]>();
        var orgName = request.OrganizationName?.Trim() ?? "";
        var name = request.DisplayName?.Trim() ?? "";
        if (orgName.Length is 0 or > CreateOrganization.MaxNameLength)
        {
            fields["organizationName"] = [$"Enter the organisation name (1 to {CreateOrganization.MaxNameLength} characters)."];
        }

        if (name.Length is 0 or > CreateUser.MaxNameLength)
        {
            fields["displayName"] = [$"Enter your name (1 to {CreateUser.MaxNameLength} characters)."];
        }

        if (!Emails.LooksValid(request.Email))
        {
            fields["email"] = ["Enter a valid e-mail address."];
        }

        if (PasswordHasher.Weakness(request.Password) is { } weakness)
        {
            fields["password"] = [weakness];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("request.invalid", "Some fields need attention.", fields);
        }

        var now = time.GetUtcNow();
        var organization = new Organization(Ids.New(), orgName, Slugs.From(orgName), now);
        var admin = new User(Ids.New(), Emails.Normalize(request.Email), name, PasswordHasher.Hash(request.Password), 0, null, now);
        var audit = AuditEntry.System(organization.Id, admin.Id, "setup.completed", "organization", organization.Id, now);
        var outcome = await store.CompleteAsync(SecretToken.Hash(request.Token ?? ""), now, organization, admin, audit, ct);
        if (outcome != SetupOutcome.Completed)
        {
            return InvalidToken;
        }

        await installKits.HandleAsync(organization.Id, ct);
        return new Response(organization.Id, admin.Id);
    }
}
