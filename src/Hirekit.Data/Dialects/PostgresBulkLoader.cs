using System.Data.Common;
using Hirekit.Data.Connections;
using Npgsql;
using NpgsqlTypes;

namespace Hirekit.Data.Dialects;

/// <summary>
/// <c>COPY ... FROM STDIN (FORMAT BINARY)</c> through Npgsql's binary importer, in the caller's
/// transaction. Search keys are left to the identity column.
/// </summary>
internal sealed class PostgresBulkLoader(DbConnection connection) : IBulkLoader
{
    private readonly NpgsqlConnection _connection = (NpgsqlConnection)(connection is CountingDbConnection counting ? counting.Inner : connection);

    public async Task<long> WriteAsync(string table, IReadOnlyList<BulkColumn> columns, int count, Action<int, IBulkRow> fill, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fill);
        var copied = columns.Where(c => c.Type != BulkType.SearchKey).Select(c => c.Name);
        await using var importer = await _connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", copied)}) FROM STDIN (FORMAT BINARY)", ct);

        // Completing a COPY of a few hundred thousand rows (indexes, constraint triggers) can
        // outlast the connection's command timeout on a busy machine; the caller's token still cancels.
        importer.Timeout = TimeSpan.FromMinutes(30);
        var row = new Row(importer);
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            fill(i, row);
        }

        return (long)await importer.CompleteAsync(ct);
    }

    public Task<long> NextSearchKeyAsync(CancellationToken ct) => Task.FromResult(0L);

    /// <summary>Fresh statistics for the planner and a visibility map for index-only scans on the tables a seed fills.</summary>
    public async Task AfterLoadAsync(CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "VACUUM (ANALYZE) candidates, candidate_name_prefixes, applications, application_events, pipeline_counts, interviews, interview_interviewers, scorecards, scorecard_ratings, kit_question_uses, jobs, job_team, job_loop_stages";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class Row(NpgsqlBinaryImporter importer) : IBulkRow
    {
        public void Id(Guid? value)
        {
            if (value is { } v)
            {
                importer.Write(v, NpgsqlDbType.Uuid);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Text(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public void Integer(int? value)
        {
            if (value is { } v)
            {
                importer.Write(v, NpgsqlDbType.Integer);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void Boolean(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Instant(DateTimeOffset? value)
        {
            if (value is { } v)
            {
                importer.Write(v.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            else
            {
                importer.WriteNull();
            }
        }

        public void SearchKey(long value)
        {
            // The identity column assigns the key; the column is not part of the COPY.
        }
    }
}
