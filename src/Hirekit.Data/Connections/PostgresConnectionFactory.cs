using System.Data.Common;
using Hirekit.Data.Dialects;
using Npgsql;

namespace Hirekit.Data.Connections;

/// <summary>PostgreSQL connections from one pooled <see cref="NpgsqlDataSource"/> per process.</summary>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "hirekit" }.Build();

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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
