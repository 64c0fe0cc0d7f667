using System.Data.Common;
using Hirekit.Data.Dialects;
using Npgsql;

namespace Hirekit.Data.Connections;

/// <summary>
/// PostgreSQL connections from one pooled <see cref="NpgsqlDataSource"/> per process. Unless the
/// connection string says otherwise, statements used repeatedly are prepared on the server
/// (<c>Max Auto Prepare</c>), so the hot reads skip parsing and planning (ADR 24).
/// </summary>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IDisposable, IAsyncDisposable
{
    /// <summary>Prepared statements kept per physical connection when the connection string does not choose.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(WithDefaults(connectionString)) { Name = "hirekit" }.Build();

    public ISqlDialect Dialect { get; } = new PostgresDialect();

    public string Describe()
    {
        using var connection = _dataSource.OpenConnection();
        return $"postgresql {connection.PostgreSqlVersion}";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        new CountingDbConnection(await _dataSource.OpenConnectionAsync(ct));

    public DbConnection Open() => new CountingDbConnection(_dataSource.OpenConnection());

    public void Dispose() => _dataSource.Dispose();

    private static string WithDefaults(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, so the keys
        // actually written are read with the generic builder (both spellings Npgsql accepts).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.ContainsKey("Max Auto Prepare") || written.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
