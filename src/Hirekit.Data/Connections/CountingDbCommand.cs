using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Hirekit.Data.Connections;

/// <summary>
/// The command of a <see cref="CountingDbConnection"/>: counts every execution. With a command
/// source (SQLite, ADR 30) the provider's command is chosen when the text is set, so a text seen
/// before on this physical connection runs on its already prepared command. A transaction or
/// timeout set before the text (as Dapper does) is held until then. Disposing hands the
/// provider's command back to its source.
/// </summary>
internal sealed class CountingDbCommand : DbCommand
{
    private readonly CountingDbConnection _owner;
    private readonly ICommandSource? _source;
    private DbCommand? _inner;
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private int? _timeout;
    private int _disposed;

    public CountingDbCommand(DbCommand inner, CountingDbConnection owner)
    {
        _inner = inner;
        _owner = owner;
        _connection = owner;
    }

    public CountingDbCommand(ICommandSource source, CountingDbConnection owner)
    {
        _source = source;
        _owner = owner;
        _connection = owner;
    }

    /// <summary>The provider's command; a source without a text yet gives a plain new one.</summary>
    private DbCommand Inner => _inner ??= Attach(_source!.Create());

    [AllowNull]
    public override string CommandText
    {
        get => _inner?.CommandText ?? string.Empty;
        set
        {
            var text = value ?? string.Empty;
            if (_source is null || (_inner is not null && (_inner.Parameters.Count > 0 || _inner.CommandText == text)))
            {
                Inner.CommandText = text;
                return;
            }

            if (_inner is not null)
            {
                _source.Return(_inner);
            }

            _inner = Attach(_source.Rent(text));
        }
    }

    public override int CommandTimeout
    {
        get => _inner?.CommandTimeout ?? _timeout ?? 30;
        set
        {
            _timeout = value;
            if (_inner is not null)
            {
                _inner.CommandTimeout = value;
            }
        }
    }

    public override CommandType CommandType
    {
        get => Inner.CommandType;
        set => Inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => Inner.DesignTimeVisible;
        set => Inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => Inner.UpdatedRowSource;
        set => Inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set
        {
            if (_source is not null && !ReferenceEquals(value, _owner))
            {
                // A kept command belongs to its physical connection's cache.
                throw new NotSupportedException("A command of a pooled SQLite connection cannot move to another connection.");
            }

            _connection = value;
            Inner.Connection = value is CountingDbConnection counting ? counting.Inner : value;
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _inner?.Transaction ?? _transaction;
        set
        {
            _transaction = value;
            if (_inner is not null)
            {
                _inner.Transaction = value;
            }
        }
    }

    public override void Cancel() => _inner?.Cancel();

    public override void Prepare() => Inner.Prepare();

    public override Task PrepareAsync(CancellationToken cancellationToken = default) => Inner.PrepareAsync(cancellationToken);

    protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        QueryCounter.Increment();
        return Inner.ExecuteNonQuery();
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return Inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object? ExecuteScalar()
    {
        QueryCounter.Increment();
        return Inner.ExecuteScalar();
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return Inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        QueryCounter.Increment();
        return Inner.ExecuteReader(behavior);
    }

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        QueryCounter.Increment();
        return Inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (_source is not null && _inner is not null)
            {
                _source.Return(_inner);
            }
            else
            {
                _inner?.Dispose();
            }

            _inner = null;
            _owner.CommandDisposed();
        }

        base.Dispose(disposing);
    }

    private DbCommand Attach(DbCommand command)
    {
        if (_transaction is not null)
        {
            command.Transaction = _transaction;
        }

        if (_timeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }
}
