using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>Who may do what with kits: every member reads; admins, recruiters and hiring managers change the organisation's own kits.</summary>
public static class KitAccess
{
    public static bool CanEdit(Actor actor) => actor is { Role: Role.Admin or Role.Recruiter or Role.HiringManager };

    public static readonly Error NotFound = Error.NotFound("kit.not_found", "No such kit in this organisation.");

    public static readonly Error Forbidden = Error.Forbidden("kit.forbidden", "Only admins, recruiters and hiring managers change kits.");

    public static readonly Error ReadOnly = Error.Conflict("kit.read_only", "Built-in kits are read-only templates. Fork the kit to change it.");
}

/// <summary>
/// Validates a kit built in memory (an edited draft) with the same rules as files, by writing
/// it in the export format and reading it back.
/// </summary>
public static class KitValidation
{
    public static Error? Check(Kit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var result = Format.KitLoader.Parse(Format.KitWriter.ToYaml(kit), "draft");
        return result.IsValid ? null : Invalid(result.Problems, withPositions: false);
    }

    /// <summary>The error for a kit document with problems; positions only make sense for documents a person wrote.</summary>
    public static Error Invalid(IReadOnlyList<Format.KitProblem> problems, bool withPositions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var fields = problems
            .GroupBy(p => p.Path)
            .ToDictionary(g => g.Key, g => g.Select(p => withPositions ? $"line {p.Line}, column {p.Column}: {p.Message}" : p.Message).ToArray());
        var first = problems.Count > 0 ? (withPositions ? problems[0].ToString() : $"{problems[0].Path}: {problems[0].Message}") : "The kit is not valid.";
        return Error.Validation("kit.invalid", problems.Count == 1 ? first : $"{first} (and {problems.Count - 1} more)", fields);
    }
}
