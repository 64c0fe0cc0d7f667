using System.Data.Common;
using Hirekit.Data.Dialects;
using Npgsql;

namespace Hirekit.Data.Connections;

/// <summary>
/// PostgreSQL connections from one pooled <see cref="NpgsqlDataSource"/> per process. Unless the
/// connection string says otherwise, statements used repeatedly are prepared on the server
/// (<c>Max Auto Prepare</c>), so the hot reads skip parsing and planning (ADR 24), and the pool
/// holds at most <see cref="DefaultMaxPoolSize"/> connections (ADR 26), and a connection returned
/// to the pool is not reset (ADR 26 addendum).
/// </summary>
/// <remarks>
/// Contract for every store: leave no session state on a connection. Use <c>SET LOCAL</c> inside
/// a transaction, never a session <c>SET</c>, temporary table or <c>LISTEN</c>; a session advisory
/// lock is released in a <c>finally</c> (as the migration runner does). The next request gets the
/// same physical connection as it was left.
/// </remarks>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IDisposable, IAsyncDisposable
{
    /// <summary>Prepared statements kept per physical connection when the connection string does not choose.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The pool's bound when the connection string does not set one: twice the processor count,
    /// at least 4. More server processes than cores only queue in the kernel's run queue, where
    /// the wait has no order and the tail latency grows (ADR 26); requests beyond the bound wait
    /// for a connection in Npgsql's queue instead, first come first served.
    /// </summary>
    public static int DefaultMaxPoolSize { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

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
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!written.ContainsKey("Maximum Pool Size") && !written.ContainsKey("Max Pool Size") && !written.ContainsKey("MaxPoolSize"))
        {
            // Never below a minimum the operator set: Npgsql refuses a minimum above the maximum.
            builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        }

        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
        {
            // The reset Npgsql sends when a connection goes back to the pool (RESET ALL, DISCARD
            // and the rest) is a server round trip per open, several per request; the contract
            // above makes it unnecessary. It halved the throughput of the pipeline API.
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
