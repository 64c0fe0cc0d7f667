using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Connections;

/// <summary>
/// The prepared commands of one physical SQLite connection, kept between leases (ADR 30).
/// Preparing a statement costs tens of microseconds, often more than running it. A command
/// whose text was seen before comes back with its statements still prepared, and
/// Microsoft.Data.Sqlite binds the new parameters to them.
/// <para>
/// Contract: used by the connection's one caller at a time, like the connection. A command
/// comes back without parameters or transaction, and only after its reader has been disposed
/// (disposing a reader resets its statements, so no read snapshot outlives it). At most
/// <see cref="Capacity"/> commands are kept; the least recently used one goes first.
/// </para>
/// </summary>
internal sealed class SqliteStatementCache(SqliteConnection connection, Action prepared) : ICommandSource
{
    public const int Capacity = 64;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();

    public DbCommand Create() => connection.CreateCommand();

    public DbCommand Rent(string commandText)
    {
        if (_byText.Remove(commandText, out var node))
        {
            _recent.Remove(node);
            return node.Value;
        }

        prepared();
        var command = connection.CreateCommand();
        command.CommandText = commandText;
        return command;
    }

    public void Return(DbCommand command)
    {
        var sqlite = (SqliteCommand)command;
        var text = sqlite.CommandText;
        // A command disposed after its lease ended may find the connection closed already.
        if (text.Length == 0 || connection.State != System.Data.ConnectionState.Open || _byText.ContainsKey(text) || !ReaderClosed(sqlite))
        {
            sqlite.Dispose();
            return;
        }

        sqlite.Parameters.Clear();
        sqlite.Transaction = null;
        sqlite.CommandTimeout = connection.DefaultTimeout;
        if (_byText.Count >= Capacity && _recent.Last is { } oldest)
        {
            _recent.RemoveLast();
            _byText.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }

        _byText[text] = _recent.AddFirst(sqlite);
    }

    /// <summary>Disposes every kept command; the connection is about to close.</summary>
    public void Clear()
    {
        foreach (var command in _recent)
        {
            command.Dispose();
        }

        _recent.Clear();
        _byText.Clear();
    }

    private static bool ReaderClosed(SqliteCommand command)
    {
        // The text setter refuses while a reader is open, and does nothing when the text is the
        // same: the one public test for an open reader.
        try
        {
            command.CommandText = command.CommandText;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>Provider commands for a leased connection; a source may keep prepared commands between leases.</summary>
internal interface ICommandSource
{
    /// <summary>A new command whose text is not known yet.</summary>
    DbCommand Create();

    /// <summary>A command with <paramref name="commandText"/>, perhaps prepared already.</summary>
    DbCommand Rent(string commandText);

    /// <summary>Its user is done with <paramref name="command"/>; the source keeps or disposes it.</summary>
    void Return(DbCommand command);
}
