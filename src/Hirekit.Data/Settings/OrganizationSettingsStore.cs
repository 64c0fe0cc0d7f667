using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Settings;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Settings;

public sealed class OrganizationSettingsStore(IDbConnectionFactory db) : IOrganizationSettingsStore
{
    public async Task<OrganizationSettings> GetAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(
            "SELECT time_zone, scorecard_visibility FROM organization_settings WHERE organization_id = @OrganizationId",
            new { OrganizationId = organizationId },
            cancellationToken: ct));
        return row is null ? OrganizationSettings.Default : new OrganizationSettings(row.TimeZone, row.ScorecardVisibility);
    }

    public Task SaveAsync(Guid organizationId, OrganizationSettings settings, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO organization_settings (organization_id, time_zone, scorecard_visibility, updated_at)
                    VALUES (@OrganizationId, @TimeZone, @ScorecardVisibility, @Now)
                    ON CONFLICT (organization_id) DO UPDATE SET time_zone = excluded.time_zone, scorecard_visibility = excluded.scorecard_visibility, updated_at = excluded.updated_at
                    """,
                    new { OrganizationId = organizationId, settings.TimeZone, settings.ScorecardVisibility, Now = now },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    private sealed class SettingsRow
    {
        public string TimeZone { get; init; } = "";

        public string ScorecardVisibility { get; init; } = "";
    }
}
