namespace Hirekit.Core.Kits;

/// <summary>Where a kit came from: shipped with the product, forked from another kit, or imported.</summary>
public static class KitOrigins
{
    public const string BuiltIn = "builtin";
    public const string Fork = "fork";
    public const string Import = "import";
}

public sealed record KitSummary(
    Guid Id,
    string Slug,
    string Name,
    string Origin,
    bool ReadOnly,
    int? LatestVersion,
    Guid? ForkedFromKitId,
    int? ForkedFromVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record KitVersionRecord(
    Guid Id,
    Guid KitId,
    int Number,
    string Status,
    string Document,
    string ContentHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);

public interface IKitStore
{
    Task<IReadOnlyList<KitSummary>> ListAsync(Guid organizationId, CancellationToken ct);

    Task<KitSummary?> FindAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    Task<KitVersionRecord?> FindVersionAsync(Guid organizationId, Guid kitId, int number, CancellationToken ct);

    /// <summary>
    /// Installs a built-in kit in the organisation as a read-only template, or adds a published
    /// version when the shipped document changed since the last one. Returns the version number
    /// created, or null when the organisation already has the current document (or another
    /// process installed it at the same moment).
    /// </summary>
    Task<int?> InstallBuiltInAsync(Guid organizationId, BuiltInKit kit, DateTimeOffset now, CancellationToken ct);
}
