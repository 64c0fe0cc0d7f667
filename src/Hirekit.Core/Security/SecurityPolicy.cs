namespace Hirekit.Core.Security;

/// <summary>The fixed security rules of the product, in one place so tests and docs can cite them.</summary>
public static class SecurityPolicy
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SessionAbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>A session's last-seen time is written at most this often, to keep reads read-only.</summary>
    public static readonly TimeSpan SessionTouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>API token last-used times are written at most this often.</summary>
    public static readonly TimeSpan TokenTouchInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan SetupTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>Recognisable prefix of personal API tokens, so secret scanners and people can spot them.</summary>
    public const string ApiTokenPrefix = "hk_";
}
