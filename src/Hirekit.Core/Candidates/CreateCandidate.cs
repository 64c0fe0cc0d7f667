using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Candidates;

/// <summary>
/// Adds a candidate by hand or through the API. An e-mail that already belongs to a candidate of
/// the organisation is a conflict that carries the existing candidate, so the caller can use it.
/// </summary>
public sealed class CreateCandidate(ICandidateStore candidates, TimeProvider time)
{
    public async Task<Result<Candidate>> HandleAsync(Actor actor, CandidateFields.Input input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CandidateAccess.CanManage(actor))
        {
            return CandidateAccess.Forbidden;
        }

        var fields = CandidateFields.Check(input, out var clean);
        if (fields.Count > 0)
        {
            return Error.Validation("candidate.invalid", "Some fields need attention.", fields);
        }

        var now = time.GetUtcNow();
        var candidate = new Candidate(Ids.New(), actor.OrganizationId, clean.Name, clean.Email, clean.Phone, clean.Links, clean.Source, null, clean.ResumeText, null, null, now, now);
        if (!await candidates.CreateAsync(candidate, null, AuditEntry.For(actor, "candidate.created", "candidate", candidate.Id, now, clean.Source), ct))
        {
            return Duplicate((await candidates.FindByEmailAsync(actor.OrganizationId, clean.Email, ct))!);
        }

        return candidate;
    }

    /// <summary>The conflict for an e-mail that is taken; its message names the existing candidate's id.</summary>
    public static Error Duplicate(Candidate existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return new Error(ErrorKind.Conflict, "candidate.duplicate_email", $"A candidate with this e-mail already exists: {existing.Id}.", new Dictionary<string, string[]> { ["existingCandidateId"] = [existing.Id.ToString()] });
    }
}
