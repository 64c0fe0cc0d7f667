using Dapper;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Candidates;

public sealed class CandidateStore(IDbConnectionFactory db) : ICandidateStore
{
    public Task<PublicApplicationOutcome> ApplyAsync(PublicApplication application, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var a = application;
                var candidateId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                    "SELECT id FROM candidates WHERE organization_id = @OrganizationId AND email = @Email AND merged_into_id IS NULL",
                    new { a.OrganizationId, a.Email },
                    transaction,
                    cancellationToken: ct));
                var newCandidate = candidateId is null;
                if (candidateId is { } existing)
                {
                    var applied = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                        "SELECT id FROM applications WHERE organization_id = @OrganizationId AND job_id = @JobId AND candidate_id = @CandidateId",
                        new { a.OrganizationId, a.JobId, CandidateId = existing },
                        transaction,
                        cancellationToken: ct));
                    if (applied is { } previous)
                    {
                        return new PublicApplicationOutcome(existing, previous, false, true);
                    }
                }

                if (a.Resume is { } file)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO stored_files (id, organization_id, purpose, content_type, size_bytes, sha256, original_name, storage_key, created_at)
                        VALUES (@Id, @OrganizationId, @Purpose, @ContentType, @SizeBytes, @Sha256, @OriginalName, @StorageKey, @CreatedAt)
                        """,
                        file,
                        transaction,
                        cancellationToken: ct));
                }

                var id = candidateId ?? Ids.New();
                if (newCandidate)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO candidates (id, organization_id, name, email, phone, links, source, resume_file_id, resume_text, consent_at, merged_into_id, created_at, updated_at)
                        VALUES (@Id, @OrganizationId, @Name, @Email, @Phone, @Links, 'careers', @ResumeFileId, @ResumeText, @ConsentAt, NULL, @Now, @Now)
                        """,
                        new { Id = id, a.OrganizationId, a.Name, a.Email, a.Phone, Links = System.Text.Json.JsonSerializer.Serialize(a.Links), ResumeFileId = a.Resume?.Id, a.ResumeText, a.ConsentAt, a.Now },
                        transaction,
                        cancellationToken: ct));
                }

                var applicationId = Ids.New();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO applications (id, organization_id, job_id, candidate_id, stage, stage_id, source, resume_file_id, reject_reason, created_at, updated_at)
                    VALUES (@Id, @OrganizationId, @JobId, @CandidateId, 'applied', NULL, 'careers', @ResumeFileId, NULL, @Now, @Now)
                    """,
                    new { Id = applicationId, a.OrganizationId, a.JobId, CandidateId = id, ResumeFileId = a.Resume?.Id, a.Now },
                    transaction,
                    cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO application_events (id, organization_id, application_id, kind, from_stage, from_stage_id, to_stage, to_stage_id, reason_code, note, actor_user_id, occurred_at)
                    VALUES (@Id, @OrganizationId, @ApplicationId, 'applied', NULL, NULL, 'applied', NULL, NULL, 'Applied on the careers page', NULL, @Now)
                    """,
                    new { Id = Ids.New(), a.OrganizationId, ApplicationId = applicationId, a.Now },
                    transaction,
                    cancellationToken: ct));
                return new PublicApplicationOutcome(id, applicationId, newCandidate, false);
            },
            ct);
}
