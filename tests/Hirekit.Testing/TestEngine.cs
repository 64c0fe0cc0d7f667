using Hirekit.Data.Connections;

namespace Hirekit.Testing;

/// <summary>
/// Which engine this test run uses. The test script runs every test project twice:
/// <c>HIREKIT_TEST_DB=sqlite</c> (the default) and <c>HIREKIT_TEST_DB=postgres</c> with
/// <c>HIREKIT_TEST_PG</c> pointing at the throwaway server it started.
/// </summary>
public static class TestEngine
{
    public static DatabaseProvider Provider { get; } =
        (Environment.GetEnvironmentVariable("HIREKIT_TEST_DB") ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => DatabaseProvider.Sqlite,
        };

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>A superuser connection to the test server's maintenance database.</summary>
    public static string PostgresAdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("HIREKIT_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    /// <summary>Scratch space for SQLite files, mail and uploads; removed with each database.</summary>
    public static string ScratchRoot { get; } = Path.Combine(Path.GetTempPath(), "hirekit-tests");
}
