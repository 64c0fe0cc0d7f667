using System.Data.Common;

namespace Hirekit.Data.Connections;

public static class Db
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it; any exception rolls it back.
    /// Work that finds nothing to do returns early having written nothing, so committing is harmless.
    /// On SQLite the transaction starts IMMEDIATE, taking the write lock up front, so two writers
    /// queue on the busy timeout instead of failing on a lock upgrade.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this IDbConnectionFactory factory, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public static Task InTransactionAsync(this IDbConnectionFactory factory, Func<DbConnection, DbTransaction, Task> work, CancellationToken ct) =>
        factory.InTransactionAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            ct);
}
