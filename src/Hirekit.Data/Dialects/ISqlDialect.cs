using System.Data.Common;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Dialects;

/// <summary>
/// The real differences between SQLite and PostgreSQL, and nothing else. Stores write portable
/// SQL and ask the dialect only where the engines truly disagree.
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>The folder name of this dialect's migrations.</summary>
    string MigrationsFolder { get; }

    bool IsUniqueViolation(DbException exception);
}
