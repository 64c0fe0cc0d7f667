namespace Hirekit.Data.Connections;

/// <summary>
/// Counts the SQL commands sent within a logical operation (an HTTP request, a test step).
/// The count flows with the async context, so concurrent requests never mix their numbers.
/// Tests use it to prove that queries per request stay constant as data grows.
/// </summary>
public sealed class QueryCounter
{
    private static readonly AsyncLocal<QueryCounter?> CurrentScope = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static QueryCounter? Current => CurrentScope.Value;

    /// <summary>Starts counting for the current async flow; disposing the scope stops it.</summary>
    public static Scope Begin()
    {
        var counter = new QueryCounter();
        var previous = CurrentScope.Value;
        CurrentScope.Value = counter;
        return new Scope(counter, previous);
    }

    internal static void Increment()
    {
        if (CurrentScope.Value is { } counter)
        {
            Interlocked.Increment(ref counter._count);
        }
    }

    public readonly struct Scope(QueryCounter counter, QueryCounter? previous) : IDisposable
    {
        public QueryCounter Counter => counter;

        public void Dispose() => CurrentScope.Value = previous;
    }
}
