using Xunit;

namespace Hirekit.Testing;

/// <summary>A fact about SQLite only; reported as skipped (not passed) in the PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestEngine.IsPostgres)
        {
            Skip = "SQLite-specific; this run uses PostgreSQL.";
        }
    }
}

/// <summary>A fact about PostgreSQL only; reported as skipped (not passed) in the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestEngine.IsPostgres)
        {
            Skip = "PostgreSQL-specific; this run uses SQLite.";
        }
    }
}
