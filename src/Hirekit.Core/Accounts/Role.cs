using System.Diagnostics.CodeAnalysis;

namespace Hirekit.Core.Accounts;

/// <summary>A member's role in an organisation. Stored and sent as its snake_case code.</summary>
public enum Role
{
    Admin = 1,
    Recruiter = 2,
    HiringManager = 3,
    Interviewer = 4,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = [Role.Admin, Role.Recruiter, Role.HiringManager, Role.Interviewer];

    public static string Code(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Recruiter => "recruiter",
        Role.HiringManager => "hiring_manager",
        Role.Interviewer => "interviewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static string Label(this Role role) => role switch
    {
        Role.Admin => "Admin",
        Role.Recruiter => "Recruiter",
        Role.HiringManager => "Hiring manager",
        Role.Interviewer => "Interviewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool TryParse(string? code, out Role role)
    {
        role = default;
        var normalized = code?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        foreach (var candidate in All)
        {
            if (candidate.Code() == normalized)
            {
                role = candidate;
                return true;
            }
        }

        return false;
    }

    public static Role Parse(string code) =>
        TryParse(code, out var role) ? role : throw new FormatException($"Unknown role '{code}'.");

    public static bool IsValidCode([NotNullWhen(true)] string? code) => TryParse(code, out _);
}
