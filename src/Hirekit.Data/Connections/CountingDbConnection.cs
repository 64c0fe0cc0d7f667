using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Hirekit.Data.Connections;

/// <summary>
/// A transparent wrapper that reports every command it executes to <see cref="QueryCounter"/>.
/// <see cref="Inner"/> exposes the provider's connection for provider-only features (bulk COPY).
/// With <paramref name="release"/>, closing or disposing hands the wrapper back to its pool
/// exactly once instead of disposing <see cref="Inner"/>, and the wrapper cannot be opened again.
/// </summary>
public sealed class CountingDbConnection(DbConnection inner, Action<CountingDbConnection>? release = null) : DbConnection
{
    private int _released;
    private int _undisposedCommands;

    public DbConnection Inner { get; } = inner;

    /// <summary>Whether a command created through this wrapper has not been disposed yet.</summary>
    public bool HasUndisposedCommands => Volatile.Read(ref _undisposedCommands) > 0;

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Volatile.Read(ref _released) == 1 ? ConnectionState.Closed : Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Close()
    {
        if (release is null)
        {
            Inner.Close();
        }
        else
        {
            Release();
        }
    }

    public override void Open()
    {
        ThrowIfReleased();
        Inner.Open();
    }

    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        ThrowIfReleased();
        return Inner.OpenAsync(cancellationToken);
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        await Inner.BeginTransactionAsync(isolationLevel, cancellationToken);

    protected override DbCommand CreateDbCommand()
    {
        Interlocked.Increment(ref _undisposedCommands);
        return new CountingDbCommand(Inner.CreateCommand(), this);
    }

    internal void CommandDisposed() => Interlocked.Decrement(ref _undisposedCommands);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (release is null && Interlocked.Exchange(ref _released, 1) == 0)
        {
            await Inner.DisposeAsync();
        }

        await base.DisposeAsync(); // Dispose(true): hands a pooled connection back
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        if (release is null)
        {
            Inner.Dispose();
        }
        else
        {
            release(this);
        }
    }

    private void ThrowIfReleased()
    {
        if (release is not null && Volatile.Read(ref _released) == 1)
        {
            throw new InvalidOperationException("A pooled connection cannot be opened again once closed; open a new one from the factory.");
        }
    }
}

internal sealed class CountingDbCommand(DbCommand inner, CountingDbConnection owner) : DbCommand
{
    private DbConnection? _connection = owner;
    private int _disposed;

    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => inner.DesignTimeVisible;
        set => inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set
        {
            _connection = value;
            inner.Connection = value is CountingDbConnection counting ? counting.Inner : value;
        }
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = value;
    }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    public override Task PrepareAsync(CancellationToken cancellationToken = default) => inner.PrepareAsync(cancellationToken);

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        QueryCounter.Increment();
        return inner.ExecuteNonQuery();
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object? ExecuteScalar()
    {
        QueryCounter.Increment();
        return inner.ExecuteScalar();
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        QueryCounter.Increment();
        return inner.ExecuteReader(behavior);
    }

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            inner.Dispose();
            owner.CommandDisposed();
        }

        base.Dispose(disposing);
    }
}
