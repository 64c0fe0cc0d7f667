using Hirekit.Core.Audit;

namespace Hirekit.Core.Candidates;

public enum MergeOutcome
{
    Merged,
    NotFound,

    /// <summary>Both candidates applied to the same job; resolve one application first.</summary>
    SameJob,
}

public interface ICandidateStore
{
    /// <summary>
    /// In one transaction: finds the organisation's candidate by e-mail or creates one (an existing
    /// profile is never overwritten from the public form), then creates the application at Applied
    /// with its history event unless one exists for this job.
    /// </summary>
    Task<PublicApplicationOutcome> ApplyAsync(PublicApplication application, CancellationToken ct);

    /// <summary>False when a live candidate of the organisation has this e-mail.</summary>
    Task<bool> CreateAsync(Candidate candidate, StoredFile? resume, AuditEntry audit, CancellationToken ct);

    /// <summary>All or nothing: false (and nothing written) when any e-mail is taken meanwhile.</summary>
    Task<bool> ImportAsync(IReadOnlyList<Candidate> candidates, AuditEntry audit, CancellationToken ct);

    Task<Candidate?> FindAsync(Guid organizationId, Guid candidateId, CancellationToken ct);

    Task<Candidate?> FindByEmailAsync(Guid organizationId, string email, CancellationToken ct);

    /// <summary>The live candidates among these e-mails (for import previews): e-mail to id.</summary>
    Task<IReadOnlyDictionary<string, Guid>> FindEmailsAsync(Guid organizationId, IReadOnlyList<string> emails, CancellationToken ct);

    /// <summary>True when the user is on the team of a job the candidate applied to.</summary>
    Task<bool> IsOnTeamForAsync(Guid organizationId, Guid candidateId, Guid userId, CancellationToken ct);

    /// <summary>
    /// A keyset page of live candidates (one query), restricted to the candidates of jobs the
    /// member is on when <paramref name="memberId"/> is set. Text queries rank by relevance and
    /// page by offset (the cursor is then the offset).
    /// </summary>
    Task<IReadOnlyList<CandidateSummary>> SearchAsync(Guid organizationId, CandidateQuery query, IReadOnlyList<string> terms, Guid? memberId, CancellationToken ct);

    /// <summary>Live candidates, newest first, after <paramref name="after"/>, with their application counts (one query a page).</summary>
    Task<IReadOnlyList<(Candidate Candidate, int Applications)>> ExportPageAsync(Guid organizationId, Guid? after, int limit, CancellationToken ct);

    Task SetResumeAsync(Guid organizationId, Guid candidateId, StoredFile file, string text, AuditEntry audit, CancellationToken ct);

    Task<StoredFile?> FindFileAsync(Guid organizationId, Guid fileId, CancellationToken ct);

    /// <summary>Moves the source's applications to the target, fills the target's gaps, marks the source merged.</summary>
    Task<MergeOutcome> MergeAsync(Guid organizationId, Guid targetId, Guid sourceId, AuditEntry audit, DateTimeOffset now, CancellationToken ct);
}

public enum MoveOutcome
{
    Moved,

    /// <summary>The application moved meanwhile (optimistic check on its current stage).</summary>
    Stale,
}

public interface IApplicationStore
{
    /// <summary>False when the candidate already applied to the job.</summary>
    Task<bool> CreateAsync(Application application, Guid? actorUserId, string note, AuditEntry audit, CancellationToken ct);

    Task<Application?> FindAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    Task<Application?> FindForAsync(Guid organizationId, Guid jobId, Guid candidateId, CancellationToken ct);

    Task<IReadOnlyList<ApplicationSummary>> ListForCandidateAsync(Guid organizationId, Guid candidateId, CancellationToken ct);

    Task<IReadOnlyList<ApplicationEvent>> HistoryAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>
    /// Moves the application if it still is where <paramref name="from"/> says, records the event,
    /// keeps the column counts right and audits, in one transaction.
    /// </summary>
    Task<MoveOutcome> MoveAsync(Application from, string toStage, Guid? toStageId, string? rejectReason, ApplicationEvent @event, AuditEntry audit, CancellationToken ct);

    /// <summary>
    /// A job and its board in one round trip (ADR 37); null when the job is not in the
    /// organisation, or when <paramref name="teamMemberId"/> is given and that member is not on
    /// the job's team (no cards are read then). The columns are <see cref="PipelineStages.Columns"/>,
    /// each with its count (maintained, never recounted) and its newest
    /// <paramref name="cardsPerColumn"/> cards. One command reads the job, the loop's stages and
    /// the counts; the cards take one more statement only when they are not cached.
    /// </summary>
    Task<JobBoard?> PipelineAsync(Guid organizationId, Guid jobId, Guid? teamMemberId, int cardsPerColumn, CancellationToken ct);

    /// <summary>More cards of one column, older than <paramref name="before"/>.</summary>
    Task<IReadOnlyList<PipelineCard>> ColumnAsync(Guid organizationId, Guid jobId, string stage, Guid? stageId, Guid? before, int limit, CancellationToken ct);

    Task<ScreenDecision?> FindScreenAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    Task SaveScreenAsync(Guid organizationId, Guid applicationId, ScreenDecision decision, AuditEntry audit, CancellationToken ct);
}
