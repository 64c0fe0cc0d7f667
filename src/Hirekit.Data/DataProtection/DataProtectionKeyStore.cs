using Dapper;
using Hirekit.Core.Common;
using Hirekit.Data.Connections;

namespace Hirekit.Data.DataProtection;

/// <summary>
/// Keeps ASP.NET data-protection key XML in the database, so every server instance signs and
/// reads antiforgery tokens with the same keys. The framework calls it synchronously and rarely.
/// </summary>
public sealed class DataProtectionKeyStore(IDbConnectionFactory db, TimeProvider time)
{
    public IReadOnlyList<string> ListXml()
    {
        using var connection = db.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, id").ToList();
    }

    public void Add(string? friendlyName, string xml)
    {
        using var connection = db.Open();
        connection.Execute(
            "INSERT INTO data_protection_keys (id, friendly_name, xml, created_at) VALUES (@Id, @FriendlyName, @Xml, @CreatedAt)",
            new { Id = Ids.New(), FriendlyName = friendlyName, Xml = xml, CreatedAt = time.GetUtcNow() });
    }
}
