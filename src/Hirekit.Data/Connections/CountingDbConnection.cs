using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Hirekit.Data.Connections;

/// <summary>
/// A transparent wrapper that reports every command it executes to <see cref="QueryCounter"/>.
/// <see cref="Inner"/> exposes the provider's connection for provider-only features (bulk COPY).
/// A pooled connection (ADR 30) comes with a release callback: closing or disposing hands the
/// wrapper back to its pool exactly once instead of disposing <see cref="Inner"/>, and the
/// wrapper cannot be opened again. It may also come with a source of prepared commands.
/// </summary>
public sealed class CountingDbConnection : DbConnection
{
    private readonly Action<CountingDbConnection>? _release;
    private readonly ICommandSource? _commands;
    private int _released;
    private int _undisposedCommands;

    public CountingDbConnection(DbConnection inner)
    {
        Inner = inner;
    }

    internal CountingDbConnection(DbConnection inner, Action<CountingDbConnection> release, ICommandSource commands)
    {
        Inner = inner;
        _release = release;
        _commands = commands;
    }

    public DbConnection Inner { get; }

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
        if (_release is null)
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
        return _commands is null ? new CountingDbCommand(Inner.CreateCommand(), this) : new CountingDbCommand(_commands, this);
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
        if (_release is null && Interlocked.Exchange(ref _released, 1) == 0)
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

        if (_release is null)
        {
            Inner.Dispose();
        }
        else
        {
            _release(this);
        }
    }

    private void ThrowIfReleased()
    {
        if (_release is not null && Volatile.Read(ref _released) == 1)
        {
            throw new InvalidOperationException("A pooled connection cannot be opened again once closed; open a new one from the factory.");
        }
    }
}
