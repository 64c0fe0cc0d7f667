using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hirekit.Data.Connections;
using Microsoft.Data.Sqlite;
using Npgsql;

// The reference endpoint of bench/run: GET /jobs/{jobId}/pipeline runs the statements the
// product's pipeline API runs for its data (the job, its loop and stage interviewers, the cards
// of every column in one UNION ALL, the kept column counts) on one pooled connection, and writes
// the columns as JSON. No authentication, no access rules, no use cases, no Dapper, no logging:
// the throughput of the SQL and the HTTP server alone. It reads the cards on every request; the
// product keeps them cached until they change (ADR 22), so it can serve more than this "limit".
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var provider = builder.Configuration["Reference:Provider"] ?? "sqlite";
var connectionString = builder.Configuration["Reference:ConnectionString"] ?? throw new InvalidOperationException("Set Reference:ConnectionString.");
var organizationId = Guid.Parse(builder.Configuration["Reference:OrganizationId"] ?? throw new InvalidOperationException("Set Reference:OrganizationId."));
var postgres = provider == "postgres";
NpgsqlDataSource? dataSource = null;
if (postgres)
{
    // The product's pool bound (ADR 26), so the two differ only in what runs around the SQL.
    dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PostgresConnectionFactory.DefaultMaxPoolSize }.ConnectionString);
}
else
{
    SqliteNative.Initialize();
    connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
}

var app = builder.Build();
app.MapGet("/jobs/{jobId:guid}/pipeline", async (Guid jobId, HttpContext http, CancellationToken ct) =>
{
    await using var connection = await OpenAsync(ct);
    var job = Param(jobId);
    var org = Param(organizationId);
    string? title = null;
    await using (var reader = await ReadAsync(connection, "SELECT * FROM jobs WHERE organization_id = @OrganizationId AND id = @JobId", ct, ("OrganizationId", org), ("JobId", job)))
    {
        if (await reader.ReadAsync(ct))
        {
            title = reader.GetString(reader.GetOrdinal("title"));
        }
    }

    if (title is null)
    {
        http.Response.StatusCode = 404;
        return;
    }

    var stages = new List<(string Id, string Name)>();
    await using (var reader = await ReadAsync(
        connection,
        """
        SELECT s.id, s.kind, s.name, s.duration_minutes, s.focus, s.traits, s.questions, s.exercise, s.written_screen
        FROM job_loop_stages s WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId ORDER BY s.position
        """,
        ct,
        ("OrganizationId", org),
        ("JobId", job)))
    {
        while (await reader.ReadAsync(ct))
        {
            stages.Add((Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetString(2)));
        }
    }

    await using (var reader = await ReadAsync(
        connection,
        """
        SELECT i.stage_id, i.user_id FROM job_stage_interviewers i
        JOIN job_loop_stages s ON s.id = i.stage_id
        WHERE s.organization_id = @OrganizationId AND s.job_id = @JobId
        """,
        ct,
        ("OrganizationId", org),
        ("JobId", job)))
    {
        while (await reader.ReadAsync(ct))
        {
            // Read and dropped: the product reads them too (the loop's interviewers).
        }
    }

    var columns = new List<(string Stage, string? StageId, string Name)> { ("applied", null, "Applied") };
    columns.AddRange(stages.Select(s => ("loop", (string?)s.Id, s.Name)));
    columns.AddRange([("offer", null, "Offer"), ("hired", null, "Hired"), ("rejected", null, "Rejected"), ("withdrawn", null, "Withdrawn")]);
    var sql = new StringBuilder();
    var parameters = new List<(string, object)> { ("OrganizationId", org), ("JobId", job), ("Limit", 21) };
    for (var i = 0; i < columns.Count; i++)
    {
        parameters.Add(($"S{i}", columns[i].Stage));
        if (columns[i].StageId is { } id)
        {
            parameters.Add(($"I{i}", Param(Guid.Parse(id))));
        }

        sql.Append(i == 0 ? "" : " UNION ALL ").Append(CultureInfo.InvariantCulture, $"""
            SELECT * FROM (
                SELECT {i} AS col, a.id AS application_id, a.candidate_id, c.name AS candidate_name, a.created_at AS applied_at, a.updated_at
                FROM applications a JOIN candidates c ON c.id = a.candidate_id
                WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage = @S{i} AND {(columns[i].StageId is null ? "a.stage_id IS NULL" : $"a.stage_id = @I{i}")}
                ORDER BY a.id DESC LIMIT @Limit) t{i}
            """);
    }

    var cards = columns.Select(_ => new List<string[]>()).ToArray();
    await using (var reader = await ReadAsync(connection, sql.ToString(), ct, [.. parameters]))
    {
        while (await reader.ReadAsync(ct))
        {
            var column = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            cards[column].Add([Text(reader.GetValue(1)), Text(reader.GetValue(2)), reader.GetString(3), Text(reader.GetValue(4)), Text(reader.GetValue(5))]);
        }
    }

    var counts = new Dictionary<(string, string), long>();
    await using (var reader = await ReadAsync(connection, "SELECT stage, stage_key, count FROM pipeline_counts WHERE organization_id = @OrganizationId AND job_id = @JobId", ct, ("OrganizationId", org), ("JobId", job)))
    {
        while (await reader.ReadAsync(ct))
        {
            counts[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        }
    }

    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.Body);
    json.WriteStartObject();
    json.WriteString("job", title);
    json.WriteStartArray("columns");
    for (var i = 0; i < columns.Count; i++)
    {
        json.WriteStartObject();
        json.WriteString("stage", columns[i].Stage);
        json.WriteString("stageId", columns[i].StageId);
        json.WriteString("name", columns[i].Name);
        json.WriteNumber("count", counts.GetValueOrDefault((columns[i].Stage, columns[i].StageId ?? "")));
        json.WriteStartArray("cards");
        foreach (var card in cards[i].Take(20))
        {
            json.WriteStartObject();
            json.WriteString("applicationId", card[0]);
            json.WriteString("candidateId", card[1]);
            json.WriteString("candidateName", card[2]);
            json.WriteString("appliedAt", card[3]);
            json.WriteString("updatedAt", card[4]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("hasMore", cards[i].Count > 20);
        json.WriteEndObject();
    }

    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync(ct);
});
app.MapGet("/readyz", () => "ready");
await app.RunAsync();

object Param(Guid id) => postgres ? id : id.ToString("D");

static string Text(object value) => value switch
{
    DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
};

async Task<DbConnection> OpenAsync(CancellationToken ct)
{
    if (dataSource is not null)
    {
        return await dataSource.OpenConnectionAsync(ct);
    }

    var sqlite = new SqliteConnection(connectionString);
    await sqlite.OpenAsync(ct);
    await using var pragmas = sqlite.CreateCommand();
    pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";
    await pragmas.ExecuteNonQueryAsync(ct);
    return sqlite;
}

static async Task<DbDataReader> ReadAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
{
    var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are this file's constants; values are parameters.
    command.CommandText = sql;
#pragma warning restore CA2100
    foreach (var (name, value) in parameters)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    return await command.ExecuteReaderAsync(ct);
}
