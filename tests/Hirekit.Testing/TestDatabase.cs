using Hirekit.Data;
using Hirekit.Data.Connections;
using Hirekit.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hirekit.Testing;

/// <summary>
/// A fresh, private database on the engine of this run: a temporary SQLite file, or a new
/// database on the test PostgreSQL server. Disposing it deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private ServiceProvider? _services;

    private TestDatabase(DatabaseSettings settings, string directory, string? postgresName)
    {
        Settings = settings;
        Directory = directory;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>A private data directory (mail, uploads) that goes away with the database.</summary>
    public string Directory { get; }

    public ManualClock Clock { get; } = new();

    /// <summary>Stores and use cases on this database, with <see cref="Clock"/> as the time.</summary>
    public IServiceProvider Services => _services ??= BuildServices();

    public IDbConnectionFactory Connections => Services.GetRequiredService<IDbConnectionFactory>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <param name="postgresEncoding">On PostgreSQL, the new database's encoding (from template0); the cluster's default when null.</param>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? postgresEncoding = null)
    {
        var directory = Path.Combine(TestEngine.ScratchRoot, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        TestDatabase database;
        if (TestEngine.IsPostgres)
        {
            var name = "hk_test_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(TestEngine.PostgresAdminConnectionString))
            {
                await admin.OpenAsync();
                var encoding = postgresEncoding is null ? "" : $" ENCODING '{postgresEncoding}' TEMPLATE template0";
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}{encoding}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(TestEngine.PostgresAdminConnectionString) { Database = name };
            database = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString), directory, name);
        }
        else
        {
            database = new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "hirekit.db")}"), directory, null);
        }

        if (migrate)
        {
            await database.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEngine.PostgresAdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        // SQLite connections live in each factory's own pool (ADR 30), closed when the service
        // providers are disposed; Microsoft.Data.Sqlite's process-wide pool is not used.
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool is cleaned up with the temp directory later.
        }
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddHirekitData(Settings, Directory);
        return services.BuildServiceProvider();
    }
}
