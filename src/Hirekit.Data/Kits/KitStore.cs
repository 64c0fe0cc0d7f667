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

    public async Task<KitVersionRecord?> FindVersionAsync(Guid organizationId, Guid kitId, int number, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM kit_versions v JOIN kit_documents d ON d.content_hash = v.content_hash WHERE v.organization_id = @OrganizationId AND v.kit_id = @KitId AND v.number = @Number",
            new { OrganizationId = organizationId, KitId = kitId, Number = number },
            cancellationToken: ct));
        return row?.ToRecord();
    }

    public async Task<int?> InstallBuiltInAsync(Guid organizationId, BuiltInKit kit, DateTimeOffset now, CancellationToken ct)
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

                    await InsertPublishedVersionAsync(connection, transaction, organizationId, kitId, number, kit.Document, kit.ContentHash, now, ct);
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

    private static async Task InsertPublishedVersionAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid kitId, int number, string document, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await StoreDocumentAsync(connection, transaction, document, hash, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kit_versions (id, organization_id, kit_id, number, status, content_hash, created_at, created_by, published_at, published_by)
            VALUES (@Id, @OrganizationId, @KitId, @Number, 'published', @Hash, @Now, NULL, @Now, NULL)
            """,
            new { Id = Ids.New(), OrganizationId = organizationId, KitId = kitId, Number = number, Hash = hash, Now = now },
            transaction,
            cancellationToken: ct));
    }

    /// <summary>Documents are content-addressed: storing one that exists is a no-op.</summary>
    private static async Task StoreDocumentAsync(DbConnection connection, DbTransaction transaction, string document, string hash, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kit_documents (content_hash, document, created_at) VALUES (@Hash, @Document, @Now) ON CONFLICT (content_hash) DO NOTHING",
            new { Hash = hash, Document = document, Now = now },
            transaction,
            cancellationToken: ct));

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

    private sealed class InstalledRow
    {
        public Guid Id { get; init; }

        public int? LatestVersion { get; init; }

        public string? ContentHash { get; init; }
    }
}
