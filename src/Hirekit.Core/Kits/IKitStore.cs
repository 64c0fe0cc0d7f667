namespace Hirekit.Core.Kits;

/// <summary>Where a kit came from: shipped with the product, forked from another kit, or imported.</summary>
public static class KitOrigins
{
    public const string BuiltIn = "builtin";
    public const string Fork = "fork";
    public const string Import = "import";
}

public static class KitVersionStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
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

/// <summary>
/// A version's content hash, and its document unless the caller already holds that document
/// parsed. A published version never changes again (only drafts are rewritten or deleted).
/// </summary>
public sealed record KitVersionContent(string ContentHash, string? Document, bool Published = false);

/// <summary>A version without its document, for version lists.</summary>
public sealed record KitVersionInfo(Guid Id, int Number, string Status, string ContentHash, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedBy);

/// <summary>A kit to create: a fork or an import. Its first version is a draft (fork) or published (import).</summary>
public sealed record NewKit(Guid Id, string Slug, string Name, string Origin, Guid? ForkedFromKitId, int? ForkedFromVersion, string FirstVersionStatus);

public enum DraftSaveOutcome
{
    Saved,

    /// <summary>The draft changed since the caller read it (optimistic concurrency).</summary>
    Stale,
}

public interface IKitStore
{
    Task<IReadOnlyList<KitSummary>> ListAsync(Guid organizationId, CancellationToken ct);

    Task<KitSummary?> FindAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    Task<KitSummary?> FindBySlugAsync(Guid organizationId, string slug, CancellationToken ct);

    Task<KitVersionContent?> FindVersionContentAsync(Guid organizationId, Guid kitId, int number, IReadOnlyCollection<string> parsedHashes, CancellationToken ct);

    Task<KitVersionRecord?> FindVersionAsync(Guid organizationId, Guid kitId, int number, CancellationToken ct);

    Task<KitVersionRecord?> FindDraftAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    Task<IReadOnlyList<KitVersionInfo>> ListVersionsAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    /// <summary>The content hash of every kit's latest published version (one query).</summary>
    Task<IReadOnlyList<(Guid KitId, string ContentHash)>> ListLatestHashesAsync(Guid organizationId, CancellationToken ct);

    /// <summary>Documents by hash, only those reachable through the organisation's versions (one query).</summary>
    Task<IReadOnlyDictionary<string, string>> GetDocumentsAsync(Guid organizationId, IReadOnlyList<string> contentHashes, CancellationToken ct);

    /// <summary>
    /// Installs a built-in kit in the organisation as a read-only template, or adds a published
    /// version when the shipped document changed since the last one. Returns the version number
    /// created, or null when the organisation already has the current document (or another
    /// process installed it at the same moment).
    /// </summary>
    Task<int?> InstallBuiltInAsync(Guid organizationId, KitDocument kit, DateTimeOffset now, CancellationToken ct);

    /// <summary>Creates a kit with its first version; false when the slug is taken in the organisation.</summary>
    Task<bool> CreateAsync(Guid organizationId, NewKit kit, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Writes the kit's draft. <paramref name="expectedHash"/> is the draft the change was made
    /// on: null when there was no draft (one is created, numbered after the latest version), else
    /// the draft's hash, which must still be current (optimistic concurrency: otherwise Stale).
    /// </summary>
    Task<DraftSaveOutcome> SaveDraftAsync(Guid organizationId, Guid kitId, string? expectedHash, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Publishes the draft if its hash is still <paramref name="expectedHash"/>; returns the version number, or null.</summary>
    Task<int?> PublishDraftAsync(Guid organizationId, Guid kitId, string expectedHash, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Adds a published version directly (an import of new content into an existing kit), discarding any draft.</summary>
    Task<int> AddPublishedVersionAsync(Guid organizationId, Guid kitId, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    Task<bool> DiscardDraftAsync(Guid organizationId, Guid kitId, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Builds the question projection of stored documents that lack one (documents stored before the question bank existed).</summary>
    Task<int> BackfillQuestionProjectionsAsync(Func<string, string, Kit> parse, CancellationToken ct);
}

public interface IQuestionBankStore
{
    /// <summary>
    /// Questions of the latest published version of each of the organisation's kits, filtered and
    /// ranked; <paramref name="limit"/> rows from <paramref name="offset"/>. One query.
    /// </summary>
    Task<IReadOnlyList<QuestionHit>> SearchAsync(Guid organizationId, QuestionQuery query, int offset, int limit, CancellationToken ct);

    Task<IReadOnlyDictionary<string, int>> CountUsesAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    Task<IReadOnlySet<string>> ListRetiredAsync(Guid organizationId, Guid kitId, CancellationToken ct);

    /// <summary>True when the state changed (retiring a retired question changes nothing).</summary>
    Task<bool> SetRetiredAsync(Guid organizationId, Guid kitId, string questionKey, bool retired, Guid actorUserId, DateTimeOffset now, CancellationToken ct);

    Task RecordUseAsync(Guid organizationId, Guid kitId, string questionKey, DateTimeOffset usedAt, CancellationToken ct);
}
