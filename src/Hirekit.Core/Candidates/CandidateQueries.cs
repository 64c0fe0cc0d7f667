using System.Globalization;
using System.Security.Cryptography;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Candidates;

/// <summary>
/// The candidate list: full-text search (name, e-mail, resume text), filters by job, stage and
/// source, sorted newest first or by name, a keyset page at a time (no total is counted).
/// </summary>
public sealed class ListCandidates(ICandidateStore candidates)
{
    public sealed record Response(IReadOnlyList<CandidateSummary> Items, string? Next);

    public async Task<Result<Response>> HandleAsync(Actor actor, CandidateQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!CandidateSorts.All.Contains(query.Sort))
        {
            return Error.Validation("sort", "Sort by newest or name.");
        }

        if (query.Stage is { } stage && !PipelineStages.All.Contains(stage))
        {
            return Error.Validation("stage", $"Stage must be one of {string.Join(", ", PipelineStages.All)}.");
        }

        if (query.Text is { Length: > 200 })
        {
            return Error.Validation("q", "Search with at most 200 characters.");
        }

        var terms = new Kits.QuestionQuery(query.Text, null, null, null, null, null, null, false, 1, 1).Terms();
        if (query.After is { } after && !CandidateCursor.IsValid(after, terms.Count > 0))
        {
            return Error.Validation("after", "The page cursor is not valid; start from the first page.");
        }

        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var rows = await candidates.SearchAsync(actor.OrganizationId, query with { PageSize = size + 1 }, terms, actor.TeamScope, ct);
        var page = Paging.FromOverfetch(rows, 1, size);
        string? next = null;
        if (page.HasMore)
        {
            var last = page.Items[^1];
            next = last.Hit is { } hit
                ? CandidateCursor.Search(hit)
                : query.Sort == CandidateSorts.Name ? CandidateCursor.ByName(last.Name, last.Id) : CandidateCursor.ById(last.Id);
        }

        return new Response(page.Items, next);
    }
}

/// <summary>
/// Opaque page cursors: "i:{id}" (newest first), "n:{id}:{name}" (by name), "s:{tier}:{key}"
/// (text search, ADR 25). Base64url so they travel in URLs untouched.
/// </summary>
public static class CandidateCursor
{
    public static string ById(Guid id) => Encode($"i:{id}");

    public static string ByName(string name, Guid id) => Encode($"n:{id}:{name.ToLowerInvariant()}");

    public static string Search(CandidateSearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return Encode(string.Create(CultureInfo.InvariantCulture, $"s:{hit.Tier}:{hit.Key}"));
    }

    public static bool IsValid(string cursor, bool searched) => searched
        ? SearchPosition(cursor) is not null
        : Decode(cursor) is { } d && ((d.StartsWith("i:", StringComparison.Ordinal) && Guid.TryParse(d[2..], out _)) || (d.StartsWith("n:", StringComparison.Ordinal) && d.Length > 39 && Guid.TryParse(d[2..38], out _)));

    /// <summary>The search position after which the next page starts, or null for none or a malformed cursor.</summary>
    public static CandidateSearchHit? SearchPosition(string? cursor)
    {
        var d = cursor is null ? null : Decode(cursor);
        if (d is null || !d.StartsWith("s:", StringComparison.Ordinal) || d.Length < 5 || d[2] is not ('1' or '2') || d[3] != ':')
        {
            return null;
        }

        return long.TryParse(d.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? new CandidateSearchHit(d[2] - '0', key) : null;
    }

    /// <summary>The position after which the next page starts: (lower-case name or null, id).</summary>
    public static (string? Name, Guid Id)? Position(string? cursor)
    {
        var d = cursor is null ? null : Decode(cursor);
        return d switch
        {
            null => null,
            _ when d.StartsWith("i:", StringComparison.Ordinal) => (null, Guid.Parse(d[2..])),
            _ when d.StartsWith("n:", StringComparison.Ordinal) => (d[39..], Guid.Parse(d[2..38])),
            _ => null,
        };
    }

    private static string Encode(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string cursor)
    {
        try
        {
            var b = cursor.Replace('-', '+').Replace('_', '/');
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A candidate's profile: details and applications (with stage names); the history lives on each application.</summary>
public sealed class GetCandidateProfile(CandidateAccess access, IApplicationStore applications)
{
    public sealed record Response(Candidate Candidate, IReadOnlyList<ApplicationSummary> Applications);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid candidateId, CancellationToken ct)
    {
        var candidate = await access.VisibleAsync(actor, candidateId, ct);
        return candidate.IsSuccess
            ? new Response(candidate.Value, await applications.ListForCandidateAsync(actor.OrganizationId, candidateId, ct))
            : candidate.Error!;
    }
}

/// <summary>
/// Replaces a candidate's resume with an uploaded file: PDF, DOCX or text up to 10 MB, checked by
/// its bytes (a renamed executable or image is refused), kept outside the web root, its text
/// extracted for search.
/// </summary>
public sealed class UploadResume(ICandidateStore candidates, CandidateAccess access, IFileStorage files, TimeProvider time)
{
    public async Task<Result<StoredFile>> HandleAsync(Actor actor, Guid candidateId, string fileName, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var candidate = await access.VisibleAsync(actor, candidateId, ct);
        if (!candidate.IsSuccess)
        {
            return candidate.Error!;
        }

        if (!CandidateAccess.CanManage(actor))
        {
            return CandidateAccess.Forbidden;
        }

        if (content.Length > ResumeFiles.MaxBytes)
        {
            return new Error(ErrorKind.TooLarge, "resume.too_large", "The resume file is larger than 10 MB.");
        }

        if (ResumeFiles.Detect(content) is not { } format)
        {
            return new Error(ErrorKind.UnsupportedMediaType, "resume.unsupported_type", "The file is not a PDF, a Word document (.docx) or plain text, whatever its name says.");
        }

        var now = time.GetUtcNow();
        var id = Ids.New();
        var key = await files.SaveAsync(actor.OrganizationId, id, content, ct);
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? ""));
        var display = new string(baseName.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').Take(80).ToArray()).Trim();
        var stored = new StoredFile(id, actor.OrganizationId, "resume", ResumeFiles.ContentType(format), content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), (display.Length == 0 ? "resume" : display) + ResumeFiles.Extension(format), key, now);
        var text = ResumeFiles.ExtractText(content, format);
        await candidates.SetResumeAsync(actor.OrganizationId, candidateId, stored, text.Length > CandidateFields.MaxResumeText ? text[..CandidateFields.MaxResumeText] : text, AuditEntry.For(actor, "candidate.resume_uploaded", "candidate", candidateId, now, stored.ContentType), ct);
        return stored;
    }
}

/// <summary>A resume file for download, to people who may see the candidate it belongs to.</summary>
public sealed class GetResumeFile(ICandidateStore candidates, CandidateAccess access, IFileStorage files)
{
    public sealed record Response(StoredFile File, byte[] Content);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid candidateId, Guid? fileId, CancellationToken ct)
    {
        var candidate = await access.VisibleAsync(actor, candidateId, ct);
        if (!candidate.IsSuccess)
        {
            return candidate.Error!;
        }

        var id = fileId ?? candidate.Value.ResumeFileId;
        var file = id is { } f ? await candidates.FindFileAsync(actor.OrganizationId, f, ct) : null;
        var content = file is null ? null : await files.ReadAsync(file.StorageKey, ct);
        return file is null || content is null ? Error.NotFound("resume.not_found", "This candidate has no resume file.") : new Response(file, content);
    }
}

/// <summary>
/// Merges a duplicate candidate into another: applications move over, missing details are
/// filled in, the duplicate stays as a record that points to the survivor.
/// </summary>
public sealed class MergeCandidates(ICandidateStore candidates, TimeProvider time)
{
    public async Task<Result<Candidate>> HandleAsync(Actor actor, Guid targetId, Guid sourceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CandidateAccess.CanManage(actor))
        {
            return CandidateAccess.Forbidden;
        }

        if (targetId == sourceId)
        {
            return Error.Validation("sourceCandidateId", "Choose two different candidates.");
        }

        var now = time.GetUtcNow();
        var outcome = await candidates.MergeAsync(actor.OrganizationId, targetId, sourceId, AuditEntry.For(actor, "candidate.merged", "candidate", targetId, now, $"merged {sourceId}"), now, ct);
        return outcome switch
        {
            MergeOutcome.Merged => (await candidates.FindAsync(actor.OrganizationId, targetId, ct))!,
            MergeOutcome.SameJob => Error.Conflict("candidate.merge_same_job", "Both candidates applied to the same job. Withdraw or reject one of those applications first."),
            _ => CandidateAccess.NotFound,
        };
    }
}
