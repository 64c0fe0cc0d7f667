using System.Text.Json;
using Dapper;
using Hirekit.Core.Common;
using Hirekit.Data.Connections;

namespace Hirekit.Testing;

/// <summary>
/// Fast, direct inserts for scale tests (query counts at 1,000 rows): candidates and their
/// applications at Applied in one transaction, keeping the pipeline counts right as the product does.
/// </summary>
public static class BulkSeed
{
    public static async Task<IReadOnlyList<Guid>> CandidatesAsync(TestDatabase db, Guid organizationId, int count, Guid? jobId = null, string prefix = "Bulk")
    {
        var now = db.Clock.GetUtcNow();
        var ids = new List<Guid>();
        var nextSearchId = db.Settings.Provider == DatabaseProvider.Postgres ? "DEFAULT" : "(SELECT COALESCE(MAX(search_id), 0) + 1 FROM candidates)";
        await db.Connections.InTransactionAsync(
            async (connection, transaction) =>
            {
                for (var i = 0; i < count; i++)
                {
                    var id = Ids.New();
                    ids.Add(id);
                    await connection.ExecuteAsync(
                        $"""
                        INSERT INTO candidates (id, organization_id, name, email, phone, links, source, resume_file_id, resume_text, consent_at, merged_into_id, created_at, updated_at, search_id)
                        VALUES (@Id, @Org, @Name, @Email, NULL, @Links, 'bulk', NULL, @Resume, NULL, NULL, @Now, @Now, {nextSearchId})
                        """,
                        new { Id = id, Org = organizationId, Name = $"{prefix} Person {i:D5}", Email = $"{prefix.ToLowerInvariant()}{i}-{id:N}@example.test", Links = JsonSerializer.Serialize(Array.Empty<string>()), Resume = $"Backend engineer number {i}, Go and PostgreSQL.", Now = now },
                        transaction);
                    if (jobId is { } job)
                    {
                        await connection.ExecuteAsync(
                            """
                            INSERT INTO applications (id, organization_id, job_id, candidate_id, stage, stage_id, source, resume_file_id, reject_reason, created_at, updated_at)
                            VALUES (@Id, @Org, @Job, @Candidate, 'applied', NULL, 'bulk', NULL, NULL, @Now, @Now)
                            """,
                            new { Id = Ids.New(), Org = organizationId, Job = job, Candidate = id, Now = now },
                            transaction);
                    }
                }

                if (jobId is { } countedJob)
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO pipeline_counts (organization_id, job_id, stage, stage_key, count) VALUES (@Org, @Job, 'applied', '', @Count)
                        ON CONFLICT (organization_id, job_id, stage, stage_key) DO UPDATE SET count = pipeline_counts.count + @Count
                        """,
                        new { Org = organizationId, Job = countedJob, Count = count },
                        transaction);
                }
            },
            CancellationToken.None);
        return ids;
    }
}
