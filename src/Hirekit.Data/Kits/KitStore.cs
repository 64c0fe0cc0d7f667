using System.Data.Common;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Kits;

public sealed class KitStore(IDbConnectionFactory db) : IKitStore
{
    private const string KitColumns =
        "k.id, k.slug, k.name, k.origin, k.read_only, k.latest_version, k.forked_from_kit_id, k.forked_from_version, k.created_at, k.updated_at";

    private const string VersionColumns =
        "v.id, v.kit_id, v.number, v.status, d.document, v.content_hash, v.created_at, v.published_at";

    public async Task<IReadOnlyList<KitSummary>> ListAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<KitRow>(new CommandDefinition(
            $"SELECT {KitColumns} FROM kits k WHERE k.organization_id = @OrganizationId ORDER BY k.read_only DESC, lower(k.name), k.id",
            new { OrganizationId = organizationId },
            cancellationToken: ct));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public async Task<KitSummary?> FindAsync(Guid organizationId, Guid kitId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<KitRow>(new CommandDefinition(
            $"SELECT {KitColumns} FROM kits k WHERE k.organization_id = @OrganizationId AND k.id = @KitId",
            new { OrganizationId = organizationId, KitId = kitId },
            cancellationToken: ct));
        return row?.ToSummary();
    }

    public async Task<KitSummary?> FindBySlugAsync(Guid organizationId, string slug, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<KitRow>(new CommandDefinition(
            $"SELECT {KitColumns} FROM kits k WHERE k.organization_id = @OrganizationId AND k.slug = @Slug",
            new { OrganizationId = organizationId, Slug = slug },
            cancellationToken: ct));
        return row?.ToSummary();
    }

    public Task<KitVersionRecord?> FindVersionAsync(Guid organizationId, Guid kitId, int number, CancellationToken ct) =>
        FindVersionWhereAsync("v.number = @Number", new { OrganizationId = organizationId, KitId = kitId, Number = number }, ct);

    public Task<KitVersionRecord?> FindDraftAsync(Guid organizationId, Guid kitId, CancellationToken ct) =>
        FindVersionWhereAsync("v.status = 'draft'", new { OrganizationId = organizationId, KitId = kitId }, ct);

    public async Task<IReadOnlyList<KitVersionInfo>> ListVersionsAsync(Guid organizationId, Guid kitId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<VersionInfoRow>(new CommandDefinition(
            """
            SELECT v.id, v.number, v.status, v.content_hash, v.created_at, v.published_at, u.display_name AS published_by
            FROM kit_versions v
            LEFT JOIN users u ON u.id = v.published_by
            WHERE v.organization_id = @OrganizationId AND v.kit_id = @KitId
            ORDER BY v.number DESC
            """,
            new { OrganizationId = organizationId, KitId = kitId },
            cancellationToken: ct));
        return rows.Select(r => new KitVersionInfo(r.Id, r.Number, r.Status, r.ContentHash, r.CreatedAt, r.PublishedAt, r.PublishedBy)).ToList();
    }

    /// <summary>
    /// One query whatever the cache holds: the document (about 500 KB for the Backend kit) travels
    /// only when its hash is not among <paramref name="parsedHashes"/>.
    /// </summary>
    public async Task<KitVersionContent?> FindVersionContentAsync(Guid organizationId, Guid kitId, int number, IReadOnlyCollection<string> parsedHashes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parsedHashes);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ContentRow>(new CommandDefinition(
            """
            SELECT v.content_hash, v.status,
                   CASE WHEN v.content_hash IN @Parsed THEN NULL
                        ELSE (SELECT d.document FROM kit_documents d WHERE d.content_hash = v.content_hash) END AS document
            FROM kit_versions v
            WHERE v.organization_id = @OrganizationId AND v.kit_id = @KitId AND v.number = @Number
            """,
            // "" keeps the list non-empty (an empty IN list would leave the parameter untyped on PostgreSQL).
            new { OrganizationId = organizationId, KitId = kitId, Number = number, Parsed = parsedHashes.Append("").ToList() },
            cancellationToken: ct));
        return row is null ? null : new KitVersionContent(row.ContentHash, row.Document, row.Status == KitVersionStatuses.Published);
    }

    public async Task<IReadOnlyList<(Guid KitId, string ContentHash)>> ListLatestHashesAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<LatestRow>(new CommandDefinition(
            """
            SELECT k.id AS kit_id, v.content_hash FROM kits k
            JOIN kit_versions v ON v.kit_id = k.id AND v.number = k.latest_version
            WHERE k.organization_id = @OrganizationId
            """,
            new { OrganizationId = organizationId },
            cancellationToken: ct));
        return rows.Select(r => (r.KitId, r.ContentHash)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentsAsync(Guid organizationId, IReadOnlyList<string> contentHashes, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MissingRow>(new CommandDefinition(
            """
            SELECT d.content_hash, d.document FROM kit_documents d
            WHERE d.content_hash IN @Hashes
              AND EXISTS (SELECT 1 FROM kit_versions v WHERE v.organization_id = @OrganizationId AND v.content_hash = d.content_hash)
            """,
            new { OrganizationId = organizationId, Hashes = contentHashes },
            cancellationToken: ct));
        return rows.ToDictionary(r => r.ContentHash, r => r.Document, StringComparer.Ordinal);
    }

    public async Task<bool> CreateAsync(Guid organizationId, NewKit kit, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var published = kit.FirstVersionStatus == KitVersionStatuses.Published;
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO kits (id, organization_id, slug, name, origin, read_only, forked_from_kit_id, forked_from_version, latest_version, created_at, updated_at)
                        VALUES (@Id, @OrganizationId, @Slug, @Name, @Origin, FALSE, @ForkedFromKitId, @ForkedFromVersion, @LatestVersion, @Now, @Now)
                        """,
                        new { kit.Id, OrganizationId = organizationId, kit.Slug, kit.Name, kit.Origin, kit.ForkedFromKitId, kit.ForkedFromVersion, LatestVersion = published ? 1 : (int?)null, Now = now },
                        transaction,
                        cancellationToken: ct));
                    await InsertVersionAsync(connection, transaction, organizationId, kit.Id, 1, kit.FirstVersionStatus, document, actorUserId, now, ct);
                    var action = kit.Origin == KitOrigins.Fork ? "kit.forked" : "kit.imported";
                    await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, actorUserId, action, "kit", kit.Id, now, kit.Slug), ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public Task<DraftSaveOutcome> SaveDraftAsync(Guid organizationId, Guid kitId, string? expectedHash, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, KitId = kitId };
                var draft = await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(
                    "SELECT v.id, v.content_hash FROM kit_versions v WHERE v.organization_id = @OrganizationId AND v.kit_id = @KitId AND v.status = 'draft'",
                    key,
                    transaction,
                    cancellationToken: ct));
                if (draft?.ContentHash != expectedHash)
                {
                    return DraftSaveOutcome.Stale;
                }

                await KitDocuments.StoreAsync(connection, transaction, document, now, ct);
                if (draft is null)
                {
                    var latest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                        "SELECT MAX(number) FROM kit_versions WHERE organization_id = @OrganizationId AND kit_id = @KitId", key, transaction, cancellationToken: ct)) ?? 0;
                    await InsertVersionAsync(connection, transaction, organizationId, kitId, latest + 1, KitVersionStatuses.Draft, document, actorUserId, now, ct);
                }
                else
                {
                    // The hash in the WHERE makes a concurrent save lose cleanly instead of overwriting.
                    var updated = await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE kit_versions SET content_hash = @Hash, created_at = @Now, created_by = @Actor WHERE id = @Id AND status = 'draft' AND content_hash = @Previous",
                        new { draft.Id, Hash = document.ContentHash, Now = now, Actor = actorUserId, Previous = draft.ContentHash },
                        transaction,
                        cancellationToken: ct));
                    if (updated != 1)
                    {
                        return DraftSaveOutcome.Stale;
                    }
                }

                await TouchKitAsync(connection, transaction, kitId, document.Kit.Info.Name, now, ct);
                return DraftSaveOutcome.Saved;
            },
            ct);

    public Task<int?> PublishDraftAsync(Guid organizationId, Guid kitId, string expectedHash, Guid actorUserId, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var number = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                    """
                    UPDATE kit_versions SET status = 'published', published_at = @Now, published_by = @Actor
                    WHERE organization_id = @OrganizationId AND kit_id = @KitId AND status = 'draft' AND content_hash = @Hash
                    RETURNING number
                    """,
                    new { OrganizationId = organizationId, KitId = kitId, Hash = expectedHash, Now = now, Actor = actorUserId },
                    transaction,
                    cancellationToken: ct));
                if (number is null)
                {
                    return null;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE kits SET latest_version = @Number, updated_at = @Now WHERE id = @KitId AND organization_id = @OrganizationId",
                    new { OrganizationId = organizationId, KitId = kitId, Number = number, Now = now },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, actorUserId, "kit.published", "kit", kitId, now, $"v{number}"), ct);
                return number;
            },
            ct);

    public Task<int> AddPublishedVersionAsync(Guid organizationId, Guid kitId, KitDocument document, Guid actorUserId, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, KitId = kitId };
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM kit_versions WHERE organization_id = @OrganizationId AND kit_id = @KitId AND status = 'draft'", key, transaction, cancellationToken: ct));
                var number = (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                    "SELECT MAX(number) FROM kit_versions WHERE organization_id = @OrganizationId AND kit_id = @KitId", key, transaction, cancellationToken: ct)) ?? 0) + 1;
                await InsertVersionAsync(connection, transaction, organizationId, kitId, number, KitVersionStatuses.Published, document, actorUserId, now, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE kits SET latest_version = @Number, name = @Name, updated_at = @Now WHERE id = @KitId AND organization_id = @OrganizationId",
                    new { OrganizationId = organizationId, KitId = kitId, Number = number, document.Kit.Info.Name, Now = now },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, actorUserId, "kit.imported", "kit", kitId, now, $"v{number}"), ct);
                return number;
            },
            ct);

    public Task<bool> DiscardDraftAsync(Guid organizationId, Guid kitId, Guid actorUserId, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var deleted = await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM kit_versions WHERE organization_id = @OrganizationId AND kit_id = @KitId AND status = 'draft'",
                    new { OrganizationId = organizationId, KitId = kitId },
                    transaction,
                    cancellationToken: ct));
                if (deleted == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, actorUserId, "kit.draft_discarded", "kit", kitId, now), ct);
                }

                return deleted == 1;
            },
            ct);

    public async Task<int> BackfillQuestionProjectionsAsync(Func<string, string, Kit> parse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        List<MissingRow> missing;
        await using (var connection = await db.OpenAsync(ct))
        {
            missing = (await connection.QueryAsync<MissingRow>(new CommandDefinition(
                """
                SELECT d.content_hash, d.document FROM kit_documents d
                WHERE NOT EXISTS (SELECT 1 FROM kit_document_questions q WHERE q.content_hash = d.content_hash)
                """,
                cancellationToken: ct))).ToList();
        }

        var projected = 0;
        foreach (var row in missing)
        {
            var kit = parse(row.ContentHash, row.Document);
            if (kit.Questions.Count == 0)
            {
                continue;
            }

            try
            {
                await db.InTransactionAsync((connection, transaction) => KitDocuments.ProjectAsync(connection, transaction, row.ContentHash, kit, ct), ct);
                projected++;
            }
            catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
            {
                // Another instance projected it at the same moment.
            }
        }

        return projected;
    }

    private async Task<KitVersionRecord?> FindVersionWhereAsync(string condition, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM kit_versions v JOIN kit_documents d ON d.content_hash = v.content_hash WHERE v.organization_id = @OrganizationId AND v.kit_id = @KitId AND {condition}",
            parameters,
            cancellationToken: ct));
        return row?.ToRecord();
    }

    private static async Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid kitId, int number, string status, KitDocument document, Guid? actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        await KitDocuments.StoreAsync(connection, transaction, document, now, ct);
        var published = status == KitVersionStatuses.Published;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kit_versions (id, organization_id, kit_id, number, status, content_hash, created_at, created_by, published_at, published_by)
            VALUES (@Id, @OrganizationId, @KitId, @Number, @Status, @Hash, @Now, @Actor, @PublishedAt, @PublishedBy)
            """,
            new
            {
                Id = Ids.New(),
                OrganizationId = organizationId,
                KitId = kitId,
                Number = number,
                Status = status,
                Hash = document.ContentHash,
                Now = now,
                Actor = actorUserId,
                PublishedAt = published ? now : (DateTimeOffset?)null,
                PublishedBy = published ? actorUserId : null,
            },
            transaction,
            cancellationToken: ct));
    }

    private static Task TouchKitAsync(DbConnection connection, DbTransaction transaction, Guid kitId, string name, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE kits SET updated_at = @Now, name = @Name WHERE id = @KitId", new { KitId = kitId, Name = name, Now = now }, transaction, cancellationToken: ct));

    public async Task<int?> InstallBuiltInAsync(Guid organizationId, KitDocument kit, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    var existing = await connection.QuerySingleOrDefaultAsync<InstalledRow>(new CommandDefinition(
                        """
                        SELECT k.id, k.latest_version, v.content_hash
                        FROM kits k
                        LEFT JOIN kit_versions v ON v.kit_id = k.id AND v.number = k.latest_version
                        WHERE k.organization_id = @OrganizationId AND k.slug = @Slug AND k.origin = 'builtin'
                        """,
                        new { OrganizationId = organizationId, kit.Kit.Info.Slug },
                        transaction,
                        cancellationToken: ct));
                    if (existing?.ContentHash == kit.ContentHash)
                    {
                        return (int?)null;
                    }

                    var kitId = existing?.Id ?? Ids.New();
                    var number = (existing?.LatestVersion ?? 0) + 1;
                    if (existing is null)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(
                            """
                            INSERT INTO kits (id, organization_id, slug, name, origin, read_only, forked_from_kit_id, forked_from_version, latest_version, created_at, updated_at)
                            VALUES (@Id, @OrganizationId, @Slug, @Name, 'builtin', TRUE, NULL, NULL, NULL, @Now, @Now)
                            """,
                            new { Id = kitId, OrganizationId = organizationId, kit.Kit.Info.Slug, kit.Kit.Info.Name, Now = now },
                            transaction,
                            cancellationToken: ct));
                    }

                    await InsertVersionAsync(connection, transaction, organizationId, kitId, number, KitVersionStatuses.Published, kit, null, now, ct);
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE kits SET latest_version = @Number, name = @Name, updated_at = @Now WHERE id = @Id",
                        new { Id = kitId, Number = number, kit.Kit.Info.Name, Now = now },
                        transaction,
                        cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, null, "kit.builtin_installed", "kit", kitId, now, $"{kit.Kit.Info.Slug} v{number}"), ct);
                    return number;
                },
                ct);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            // Another server instance installed the same content at the same moment.
            return null;
        }
    }

    private sealed class KitRow
    {
        public Guid Id { get; init; }

        public string Slug { get; init; } = "";

        public string Name { get; init; } = "";

        public string Origin { get; init; } = "";

        public bool ReadOnly { get; init; }

        public int? LatestVersion { get; init; }

        public Guid? ForkedFromKitId { get; init; }

        public int? ForkedFromVersion { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public KitSummary ToSummary() => new(Id, Slug, Name, Origin, ReadOnly, LatestVersion, ForkedFromKitId, ForkedFromVersion, CreatedAt, UpdatedAt);
    }

    private sealed class ContentRow
    {
        public string ContentHash { get; init; } = "";

        public string Status { get; init; } = "";

        public string? Document { get; init; }
    }

    private sealed class VersionRow
    {
        public Guid Id { get; init; }

        public Guid KitId { get; init; }

        public int Number { get; init; }

        public string Status { get; init; } = "";

        public string Document { get; init; } = "";

        public string ContentHash { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? PublishedAt { get; init; }

        public KitVersionRecord ToRecord() => new(Id, KitId, Number, Status, Document, ContentHash, CreatedAt, PublishedAt);
    }

    private sealed class VersionInfoRow
    {
        public Guid Id { get; init; }

        public int Number { get; init; }

        public string Status { get; init; } = "";

        public string ContentHash { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? PublishedAt { get; init; }

        public string? PublishedBy { get; init; }
    }

    private sealed class DraftRow
    {
        public Guid Id { get; init; }

        public string ContentHash { get; init; } = "";
    }

    private sealed class LatestRow
    {
        public Guid KitId { get; init; }

        public string ContentHash { get; init; } = "";
    }

    private sealed class MissingRow
    {
        public string ContentHash { get; init; } = "";

        public string Document { get; init; } = "";
    }

    private sealed class InstalledRow
    {
        public Guid Id { get; init; }

        public int? LatestVersion { get; init; }

        public string? ContentHash { get; init; }
    }
}
