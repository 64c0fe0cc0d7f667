using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Core.Candidates;

/// <summary>
/// Admins and recruiters see and manage every candidate. Hiring managers and interviewers see
/// only candidates who applied to a job whose team they are on; anything else is "not found".
/// </summary>
public sealed class CandidateAccess(ICandidateStore candidates)
{
    public static readonly Error NotFound = Error.NotFound("candidate.not_found", "No such candidate, or not one of your jobs' candidates.");

    public static readonly Error Forbidden = Error.Forbidden("candidate.forbidden", "Only admins and recruiters manage candidates.");

    public static bool CanManage(Actor actor) => actor is { Role: Role.Admin or Role.Recruiter };

    public async Task<Result<Candidate>> VisibleAsync(Actor actor, Guid candidateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var candidate = await candidates.FindAsync(actor.OrganizationId, candidateId, ct);
        if (candidate is null || (!actor.SeesAllOfOrganization && !await candidates.IsOnTeamForAsync(actor.OrganizationId, candidateId, actor.UserId, ct)))
        {
            return NotFound;
        }

        return candidate;
    }
}

/// <summary>The shape rules of candidate fields, shared by the form, the API and imports.</summary>
public static class CandidateFields
{
    public const int MaxLinks = 10;
    public const int MaxResumeText = 200_000;

    public sealed record Input(string? Name, string? Email, string? Phone, IReadOnlyList<string>? Links, string? Source, string? ResumeText);

    public sealed record Clean(string Name, string Email, string? Phone, IReadOnlyList<string> Links, string Source, string ResumeText);

    public static Dictionary<string, string[]> Check(Input input, out Clean clean)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        var links = (input.Links ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        var source = string.IsNullOrWhiteSpace(input.Source) ? "manual" : input.Source.Trim().ToLowerInvariant();
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        if (name.Length is 0 or > 120)
        {
            fields["name"] = ["Enter the candidate's name (at most 120 characters)."];
        }

        if (!Emails.LooksValid(input.Email))
        {
            fields["email"] = ["Enter a valid e-mail address."];
        }

        if (phone is { Length: > 40 })
        {
            fields["phone"] = ["A phone number has at most 40 characters."];
        }

        if (links.Count > MaxLinks || links.Any(l => l.Length > 300 || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            fields["links"] = [$"Give at most {MaxLinks} links, each a full http(s) address."];
        }

        if (source.Length > 60)
        {
            fields["source"] = ["A source has at most 60 characters."];
        }

        if ((input.ResumeText?.Length ?? 0) > MaxResumeText)
        {
            fields["resumeText"] = [$"Resume text has at most {MaxResumeText:N0} characters."];
        }

        clean = new Clean(name, fields.ContainsKey("email") ? "" : Emails.Normalize(input.Email!), phone, links, source, input.ResumeText?.Trim() ?? "");
        return fields;
    }
}
