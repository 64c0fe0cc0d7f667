using System.Data.Common;
using Hirekit.Data.Connections;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Dialects;

public sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string MigrationsFolder => "Sqlite";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e
        && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
}
