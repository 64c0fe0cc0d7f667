using System.Data.Common;
using Dapper;
using Hirekit.Core.Scorecards;
using Hirekit.Data.Dialects;

namespace Hirekit.Data.Scorecards;

/// <summary>Scorecard writes that happen inside another store's transaction (scheduling creates the drafts).</summary>
internal static class ScorecardSql
{
    public static Task InsertDraftsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Scorecard> cards, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scorecards (id, organization_id, interview_id, application_id, interviewer_id, status, recommendation, summary, red_flags, red_flag_note, revision, created_at, updated_at)
            VALUES (@Id, @OrganizationId, @InterviewId, @ApplicationId, @InterviewerId, 'draft', NULL, '', '[]', '', 0, @CreatedAt, @UpdatedAt)
            """,
            cards.Select(c => new { c.Id, c.OrganizationId, c.InterviewId, c.ApplicationId, c.InterviewerId, c.CreatedAt, c.UpdatedAt }),
            transaction,
            cancellationToken: ct));

    /// <summary>Removes the drafts (with their parts) of interviewers taken off an interview; submitted scorecards stay.</summary>
    public static async Task DeleteDraftsAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid interviewId, IReadOnlyList<Guid> interviewers, ISqlDialect dialect, CancellationToken ct)
    {
        var key = new { OrganizationId = organizationId, InterviewId = interviewId, Users = dialect.IdList(interviewers) };
        const string Drafts = "SELECT id FROM scorecards WHERE organization_id = @OrganizationId AND interview_id = @InterviewId AND interviewer_id IN @Users AND status = 'draft'";
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM scorecard_ratings WHERE scorecard_id IN ({Drafts})", key, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM scorecard_answers WHERE scorecard_id IN ({Drafts})", key, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scorecards WHERE organization_id = @OrganizationId AND interview_id = @InterviewId AND interviewer_id IN @Users AND status = 'draft'",
            key,
            transaction,
            cancellationToken: ct));
    }
}
