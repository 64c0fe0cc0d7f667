using System.Data.Common;
using Hirekit.Data.Connections;
using Npgsql;

namespace Hirekit.Data.Dialects;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string MigrationsFolder => "Postgres";

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
