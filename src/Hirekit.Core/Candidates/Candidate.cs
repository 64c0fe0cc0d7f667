using Hirekit.Core.Jobs;

namespace Hirekit.Core.Candidates;

/// <summary>Where an application stands in a job's pipeline: Applied, one of the loop's stages, Offer, or an end.</summary>
public static class PipelineStages
{
    public const string Applied = "applied";

    /// <summary>In one of the job's loop stages (the application's stage id says which).</summary>
    public const string Loop = "loop";

    public const string Offer = "offer";
    public const string Hired = "hired";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Applied, Loop, Offer, Hired, Rejected, Withdrawn];

    /// <summary>Ended applications move no further (a new application starts over).</summary>
    public static bool IsFinal(string stage) => stage is Hired or Rejected or Withdrawn;

    /// <summary>A job's board columns, left to right: Applied, the loop's stages in the order given, Offer, Hired, Rejected, Withdrawn.</summary>
    public static IReadOnlyList<(string Stage, Guid? StageId, string Name)> Columns(IEnumerable<LoopStageName> loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var columns = new List<(string, Guid?, string)> { (Applied, null, "Applied") };
        columns.AddRange(loop.Select(s => (Loop, (Guid?)s.Id, s.Name)));
        columns.Add((Offer, null, "Offer"));
        columns.Add((Hired, null, "Hired"));
        columns.Add((Rejected, null, "Rejected"));
        columns.Add((Withdrawn, null, "Withdrawn"));
        return columns;
    }
}

/// <summary>A file kept for a candidate: metadata here, the bytes in <see cref="IFileStorage"/>.</summary>
public sealed record StoredFile(Guid Id, Guid OrganizationId, string Purpose, string ContentType, long SizeBytes, string Sha256, string OriginalName, string StorageKey, DateTimeOffset CreatedAt);

/// <summary>
/// Keeps uploaded files outside the web root (under the data directory), addressed by an opaque
/// key; nothing serves them but the permission-checked download of the application.
/// </summary>
public interface IFileStorage
{
    Task<string> SaveAsync(Guid organizationId, Guid fileId, byte[] content, CancellationToken ct);

    Task<byte[]?> ReadAsync(string storageKey, CancellationToken ct);

    Task DeleteAsync(string storageKey, CancellationToken ct);
}

/// <summary>An application arriving from the careers page.</summary>
public sealed record PublicApplication(
    Guid OrganizationId,
    Guid JobId,
    string Name,
    string Email,
    string? Phone,
    IReadOnlyList<string> Links,
    string ResumeText,
    StoredFile? Resume,
    DateTimeOffset ConsentAt,
    DateTimeOffset Now);

/// <param name="AlreadyApplied">The candidate had applied to this job before; nothing new was stored.</param>
public sealed record PublicApplicationOutcome(Guid CandidateId, Guid ApplicationId, bool NewCandidate, bool AlreadyApplied);
