using System.Security.Cryptography;
using Hirekit.Core.Accounts;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;

namespace Hirekit.Core.Careers;

/// <summary>
/// A candidate applies through the careers page: name, e-mail, a resume file (PDF, DOCX or text,
/// at most 10 MB, checked by content) or pasted resume text, and consent to data processing.
/// Creates the candidate (or finds them by e-mail) and the application at Applied. Applying twice
/// to the same job changes nothing and gets the same confirmation.
/// </summary>
public sealed class ApplyToJob(GetCareers careers, ICandidateStore candidates, IFileStorage files, TimeProvider time)
{
    public const int MaxResumeText = 100_000;

    public sealed record Upload(string FileName, byte[] Content);

    public sealed record Request(string OrgSlug, string JobSlug, string? Name, string? Email, string? Phone, string? ResumeText, Upload? Resume, bool Consent);

    public sealed record Response(string Organization, string JobTitle, bool AlreadyApplied);

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await careers.JobAsync(request.OrgSlug, request.JobSlug, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var fields = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        var pasted = request.ResumeText?.Trim() ?? "";
        if (name.Length is 0 or > 120)
        {
            fields["name"] = ["Enter your name (at most 120 characters)."];
        }

        if (!Emails.LooksValid(request.Email))
        {
            fields["email"] = ["Enter a valid e-mail address, so we can reply."];
        }

        if (phone is { Length: > 40 })
        {
            fields["phone"] = ["Enter a phone number of at most 40 characters."];
        }

        if (!request.Consent)
        {
            fields["consent"] = ["We can only consider your application with your consent to process it."];
        }

        if (pasted.Length > MaxResumeText)
        {
            fields["resumeText"] = [$"Paste at most {MaxResumeText:N0} characters, or upload a file instead."];
        }

        ResumeFormat? format = null;
        if (request.Resume is { Content.Length: > 0 } upload)
        {
            if (upload.Content.Length > ResumeFiles.MaxBytes)
            {
                fields["resume"] = ["The resume file is larger than 10 MB."];
            }
            else if ((format = ResumeFiles.Detect(upload.Content)) is null)
            {
                fields["resume"] = ["Upload the resume as a PDF, a Word document (.docx) or plain text."];
            }
        }
        else if (pasted.Length == 0)
        {
            fields["resume"] = ["Upload your resume or paste it below."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("application.invalid", "Some fields need attention.", fields);
        }

        var (organization, job) = (target.Value.Organization, target.Value.Job);
        var now = time.GetUtcNow();
        StoredFile? stored = null;
        var text = pasted;
        if (request.Resume is { } file && format is { } kind)
        {
            var id = Ids.New();
            var key = await files.SaveAsync(organization.Id, id, file.Content, ct);
            stored = new StoredFile(id, organization.Id, "resume", ResumeFiles.ContentType(kind), file.Content.Length, Convert.ToHexStringLower(SHA256.HashData(file.Content)), SafeName(file.FileName, kind), key, now);
            if (text.Length == 0)
            {
                text = ResumeFiles.ExtractText(file.Content, kind);
            }
        }

        var outcome = await candidates.ApplyAsync(new PublicApplication(organization.Id, job.Id, name, Emails.Normalize(request.Email!), phone, [], text, stored, now, now), ct);
        if (outcome.AlreadyApplied && stored is not null)
        {
            await files.DeleteAsync(stored.StorageKey, ct); // nothing referenced it
        }

        return new Response(organization.Name, job.Title, outcome.AlreadyApplied);
    }

    /// <summary>A display name for the file: the uploaded base name without path parts, with the extension of its real type.</summary>
    private static string SafeName(string? fileName, ResumeFormat format)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? "")).Trim();
        var clean = new string(baseName.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').Take(80).ToArray()).Trim();
        return (clean.Length == 0 ? "resume" : clean) + ResumeFiles.Extension(format);
    }
}
