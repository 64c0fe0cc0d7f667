using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Candidates;

/// <summary>
/// Candidates. Admins and recruiters manage them; hiring managers and interviewers read the
/// candidates of their jobs only (others are 404). Lists page by an opaque keyset cursor
/// (<c>page</c> = the previous answer's <c>nextPage</c>); no total is counted.
/// </summary>
public static class CandidatesApi
{
    public sealed record CandidateView(Guid Id, string Name, string Email, string? Phone, IReadOnlyList<string> Links, string Source, bool HasResume, Guid? MergedIntoId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record ApplicationItem(Guid Id, Guid JobId, string JobTitle, string Stage, Guid? StageId, string? StageName, string? RejectReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record ProfileView(CandidateView Candidate, string ResumeText, IReadOnlyList<ApplicationItem> Applications);

    public sealed record ListItem(Guid Id, string Name, string Email, string Source, int Applications, DateTimeOffset CreatedAt);

    public sealed record CandidatePage(IReadOnlyList<ListItem> Items, string? NextPage);

    public sealed record FileView(Guid Id, string Name, string ContentType, long SizeBytes, string Sha256, DateTimeOffset CreatedAt);

    public sealed record CreateRequest(
        [property: Required, StringLength(120)] string? Name,
        [property: Required, StringLength(254)] string? Email,
        [property: StringLength(40)] string? Phone,
        List<string>? Links,
        [property: StringLength(60)] string? Source,
        string? ResumeText);

    public sealed record MergeRequest([property: Required] Guid? SourceCandidateId);

    public sealed record ImportPreviewView(bool CanImport, int Rows, IReadOnlyList<string> FileErrors, IReadOnlyList<ImportRow> RowsWithErrors);

    public sealed record Imported(int Count);

    public static IEndpointRouteBuilder MapCandidates(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/candidates", "Candidates");
        read.MapGet("", List).WithName("ListCandidates");
        read.MapGet("/{candidateId:guid}", Get).WithName("GetCandidate");
        read.MapGet("/{candidateId:guid}/resume", Download).WithName("DownloadResume");

        var manage = app.MapApiGroup("/candidates", "Candidates", Policies.Recruiting);
        manage.MapPost("", Create).WithName("CreateCandidate");
        manage.MapPost("/{candidateId:guid}/resume", Upload).WithName("UploadResume").DisableAntiforgery();
        manage.MapPost("/{candidateId:guid}/merge", Merge).WithName("MergeCandidates");
        manage.MapPost("/import", Import).WithName("ImportCandidates").Accepts<string>("text/csv");
        manage.MapPost("/import/json-resume", ImportJsonResume).WithName("ImportJsonResume").Accepts<string>("application/json");
        manage.MapGet("/export.csv", Export).WithName("ExportCandidates");
        return app;
    }

    public static async Task<Results<Ok<CandidatePage>, ProblemHttpResult>> List(
        ClaimsPrincipal principal, ListCandidates useCase, string? q, Guid? jobId, string? stage, string? source, string? sort, string? page, int? pageSize, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new CandidateQuery(q, jobId, Blank(stage), Blank(source), sort ?? CandidateSorts.Newest, Blank(page), pageSize ?? Paging.DefaultPageSize), ct);
        return result.IsSuccess
            ? TypedResults.Ok(new CandidatePage(result.Value.Items.Select(c => new ListItem(c.Id, c.Name, c.Email, c.Source, c.Applications, c.CreatedAt)).ToList(), result.Value.Next))
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> Get(Guid candidateId, ClaimsPrincipal principal, GetCandidateProfile useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), candidateId, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var applications = result.Value.Applications.Select(s => new ApplicationItem(
            s.Application.Id, s.Application.JobId, s.JobTitle, s.Application.Stage, s.Application.StageId, s.StageName, s.Application.RejectReason, s.Application.CreatedAt, s.Application.UpdatedAt)).ToList();
        return TypedResults.Ok(new ProfileView(View(result.Value.Candidate), result.Value.Candidate.ResumeText, applications));
    }

    public static async Task<Results<Created<CandidateView>, ProblemHttpResult>> Create(CreateRequest request, ClaimsPrincipal principal, CreateCandidate useCase, ICandidateStore candidates, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, new CandidateFields.Input(request.Name, request.Email, request.Phone, request.Links, request.Source, request.ResumeText), ct);
        if (result.IsSuccess)
        {
            return TypedResults.Created($"{ApiRoutes.Prefix}/candidates/{result.Value.Id}", View(result.Value));
        }

        var problem = result.Error!.ToProblem();
        if (result.Error!.Code == "candidate.duplicate_email" && await candidates.FindByEmailAsync(actor.OrganizationId, Core.Accounts.Emails.Normalize(request.Email!), ct) is { } existing)
        {
            problem.ProblemDetails.Extensions["candidate"] = View(existing);
        }

        return problem;
    }

    public static async Task<Results<Ok<FileView>, ProblemHttpResult>> Upload(Guid candidateId, IFormFile? file, ClaimsPrincipal principal, UploadResume useCase, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Error.Validation("file", "Send the resume as a multipart form field named 'file'.").ToProblem();
        }

        if (file.Length > ResumeFiles.MaxBytes)
        {
            return new Error(ErrorKind.TooLarge, "resume.too_large", "The resume file is larger than 10 MB.").ToProblem();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await useCase.HandleAsync(principal.ToActor(), candidateId, file.FileName, buffer.ToArray(), ct);
        return result.IsSuccess ? TypedResults.Ok(FileOf(result.Value)) : result.Error!.ToProblem();
    }

    /// <summary>Resumes are served as attachments with their checked type, never rendered inline.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid candidateId, Guid? fileId, ClaimsPrincipal principal, GetResumeFile useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), candidateId, fileId, ct);
        return result.IsSuccess
            ? TypedResults.File(result.Value.Content, result.Value.File.ContentType, result.Value.File.OriginalName)
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<CandidateView>, ProblemHttpResult>> Merge(Guid candidateId, MergeRequest request, ClaimsPrincipal principal, MergeCandidates useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), candidateId, request.SourceCandidateId!.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ImportPreviewView>, Created<Imported>, ProblemHttpResult>> Import(HttpRequest request, bool? dryRun, ClaimsPrincipal principal, ImportCandidates useCase, CancellationToken ct)
    {
        var body = await ReadTextAsync(request, ["text/csv", "text/plain", "application/csv"], ImportCandidates.MaxBytes, ct);
        if (!body.IsSuccess)
        {
            return body.Error!.ToProblem();
        }

        if (dryRun == true)
        {
            var preview = await useCase.PreviewAsync(principal.ToActor(), body.Value, ct);
            return preview.IsSuccess
                ? TypedResults.Ok(new ImportPreviewView(preview.Value.CanImport, preview.Value.Rows.Count, preview.Value.FileErrors, preview.Value.Rows.Where(r => r.Errors.Count > 0).ToList()))
                : preview.Error!.ToProblem();
        }

        var result = await useCase.HandleAsync(principal.ToActor(), body.Value, ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/candidates", new Imported(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Created<CandidateView>, ProblemHttpResult>> ImportJsonResume(HttpRequest request, ClaimsPrincipal principal, ImportJsonResume useCase, CancellationToken ct)
    {
        var body = await ReadTextAsync(request, ["application/json"], 1024 * 1024, ct);
        if (!body.IsSuccess)
        {
            return body.Error!.ToProblem();
        }

        var result = await useCase.HandleAsync(principal.ToActor(), body.Value, ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/candidates/{result.Value.Id}", View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(ClaimsPrincipal principal, ExportCandidates useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), ct);
        return result.IsSuccess ? TypedResults.File(Encoding.UTF8.GetBytes(result.Value), "text/csv; charset=utf-8", "candidates.csv") : result.Error!.ToProblem();
    }

    public static CandidateView View(Candidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Name, c.Email, c.Phone, c.Links, c.Source, c.ResumeFileId is not null, c.MergedIntoId, c.CreatedAt, c.UpdatedAt);
    }

    private static FileView FileOf(StoredFile f) => new(f.Id, f.OriginalName, f.ContentType, f.SizeBytes, f.Sha256, f.CreatedAt);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Reads a text body of an accepted type, refusing more than <paramref name="maxBytes"/>.</summary>
    internal static async Task<Result<string>> ReadTextAsync(HttpRequest request, string[] types, int maxBytes, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !types.Contains(type))
        {
            return new Error(ErrorKind.UnsupportedMediaType, "request.unsupported_media_type", $"Send the body as {string.Join(" or ", types)}.");
        }

        var tooLarge = new Error(ErrorKind.TooLarge, "request.too_large", $"The body can have at most {maxBytes / 1024} KB.");
        if (request.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            if (text.Length + read > maxBytes)
            {
                return tooLarge;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
