using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Core.Accounts;

/// <summary>Changes the acting user's password after checking the current one; ends their other sessions.</summary>
public sealed class ChangePassword(IAccountStore store, TimeProvider time)
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public async Task<Result<Unit>> HandleAsync(Actor actor, Guid? currentSessionId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var user = await store.FindUserAsync(actor.UserId, ct);
        if (user is null)
        {
            return Error.NotFound("user.not_found");
        }

        if (PasswordHasher.Verify(request.CurrentPassword ?? "", user.PasswordHash) == PasswordCheck.Failed)
        {
            return Error.Validation("currentPassword", "The current password is not correct.");
        }

        if (PasswordHasher.Weakness(request.NewPassword) is { } weakness)
        {
            return Error.Validation("newPassword", weakness);
        }

        var now = time.GetUtcNow();
        await store.ChangePasswordAsync(user.Id, PasswordHasher.Hash(request.NewPassword), currentSessionId, AuditEntry.For(actor, "user.password_changed", "user", user.Id, now), ct);
        return Unit.Value;
    }
}
