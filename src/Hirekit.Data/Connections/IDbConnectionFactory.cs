using System.Data.Common;
using Hirekit.Data.Dialects;

namespace Hirekit.Data.Connections;

/// <summary>Opens connections to the configured engine, already wrapped for query counting.</summary>
public interface IDbConnectionFactory
{
    ISqlDialect Dialect { get; }

    /// <summary>A short description of the engine for logs and /readyz, e.g. "sqlite 3.40.1 (system)".</summary>
    string Describe();

    Task<DbConnection> OpenAsync(CancellationToken ct);

    DbConnection Open();
}
