using System.Security.Claims;
using System.Text;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Hirekit.Web.Api.Kits.KitWire;

namespace Hirekit.Web.Api.Kits;

/// <summary>
/// Kit library and remix. Every member reads; admins, recruiters and hiring managers fork, edit
/// drafts, publish and import. Draft writes take the draft's content hash in <c>If-Match</c>
/// (optional) and answer it as <c>ETag</c>; a stale hash answers 409 <c>kit.draft_changed</c>.
/// </summary>
public static class KitsApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static IEndpointRouteBuilder MapKits(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/kits", "Kits");
        read.MapGet("", List).WithName("ListKits");
        read.MapGet("/{kitId:guid}", (Guid kitId, ClaimsPrincipal p, GetKitVersion u, CancellationToken ct) => Version(kitId, null, p, u, ct)).WithName("GetKit").WithSummary("The latest published version, full content.");
        read.MapGet("/{kitId:guid}/versions", Versions).WithName("ListKitVersions");
        read.MapGet("/{kitId:guid}/versions/{number:int}", (Guid kitId, int number, ClaimsPrincipal p, GetKitVersion u, CancellationToken ct) => Version(kitId, number, p, u, ct)).WithName("GetKitVersion");
        read.MapGet("/{kitId:guid}/diff", Diff).WithName("DiffKitVersions");
        read.MapGet("/{kitId:guid}/export", Export).WithName("ExportKit");
        read.MapGet("/{kitId:guid}/questions/{questionKey}", GetQuestion).WithName("GetKitQuestion");

        var edit = app.MapApiGroup("/kits", "Kits", Policies.Hiring);
        edit.MapPost("/import", Import).WithName("ImportKit").Accepts<string>("application/yaml");
        edit.MapPost("/{kitId:guid}/fork", Fork).WithName("ForkKit");
        edit.MapGet("/{kitId:guid}/draft", Draft).WithName("GetKitDraft");
        edit.MapPut("/{kitId:guid}/draft", ReplaceDraft).WithName("ReplaceKitDraft").Accepts<string>("application/yaml");
        edit.MapPut("/{kitId:guid}/versions/{number:int}", ReplaceVersion).WithName("ReplaceKitVersion").Accepts<string>("application/yaml");
        edit.MapDelete("/{kitId:guid}/draft", Discard).WithName("DiscardKitDraft");
        edit.MapPut("/{kitId:guid}/draft/info", UpdateInfo).WithName("UpdateKitDraftInfo");
        edit.MapPut("/{kitId:guid}/draft/competencies/{competencyId}", SaveCompetency).WithName("SaveKitDraftCompetency");
        edit.MapPut("/{kitId:guid}/draft/traits/{traitId}", SaveTrait).WithName("SaveKitDraftTrait");
        edit.MapPut("/{kitId:guid}/draft/questions/{questionId}", SaveQuestion).WithName("SaveKitDraftQuestion");
        edit.MapDelete("/{kitId:guid}/draft/questions/{questionId}", RemoveQuestion).WithName("RemoveKitDraftQuestion");
        edit.MapPut("/{kitId:guid}/draft/question-order", Reorder).WithName("ReorderKitDraftQuestions");
        edit.MapPost("/{kitId:guid}/publish", Publish).WithName("PublishKitDraft");
        edit.MapPost("/{kitId:guid}/questions/{questionKey}/retire", (Guid kitId, string questionKey, ClaimsPrincipal p, SetQuestionRetired u, CancellationToken ct) => Retire(kitId, questionKey, true, p, u, ct)).WithName("RetireQuestion");
        edit.MapPost("/{kitId:guid}/questions/{questionKey}/restore", (Guid kitId, string questionKey, ClaimsPrincipal p, SetQuestionRetired u, CancellationToken ct) => Retire(kitId, questionKey, false, p, u, ct)).WithName("RestoreQuestion");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<KitSummaryView>>> List(ClaimsPrincipal principal, ListKits useCase, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<KitSummaryView>>((await useCase.HandleAsync(principal.ToActor(), ct)).Select(View).ToList());

    public static async Task<Results<Ok<KitVersionView>, ProblemHttpResult>> Version(Guid kitId, int? number, ClaimsPrincipal principal, GetKitVersion useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new GetKitVersion.Request(kitId, number), ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<VersionListItem>>, ProblemHttpResult>> Versions(Guid kitId, ClaimsPrincipal principal, ListKitVersions useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, ct);
        return result.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<VersionListItem>>(result.Value.Select(v => new VersionListItem(v.Number, v.Status, v.CreatedAt, v.PublishedAt, v.PublishedBy)).ToList())
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<KitChange>>, ProblemHttpResult>> Diff(Guid kitId, int from, int to, ClaimsPrincipal principal, DiffKitVersions useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, from, to, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Changes) : result.Error!.ToProblem();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid kitId, int? version, ClaimsPrincipal principal, ExportKit useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, version, ct);
        return result.IsSuccess
            ? TypedResults.File(Encoding.UTF8.GetBytes(result.Value.Yaml), "application/yaml; charset=utf-8", result.Value.FileName)
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> GetQuestion(Guid kitId, string questionKey, int? version, ClaimsPrincipal principal, GetKitQuestion useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, questionKey, version, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var r = result.Value;
        return TypedResults.Ok(new QuestionView(kitId, r.View.Version.Number, r.Question, r.Competency?.Name, r.Trait?.Name, r.Round?.Name, r.View.Retired.Contains(r.Question.Id), r.View.UsesOf(r.Question.Id)));
    }

    public static async Task<Results<Created<ImportResult>, Ok<ImportResult>, ProblemHttpResult>> Import(HttpRequest request, ClaimsPrincipal principal, ImportKit useCase, CancellationToken ct)
    {
        var body = await ReadYamlAsync(request, ct);
        if (!body.IsSuccess)
        {
            return body.Error!.ToProblem();
        }

        var result = await useCase.HandleAsync(principal.ToActor(), body.Value, "kit.yaml", ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var r = result.Value;
        var view = new ImportResult(View(r.Kit), r.Version, r.Created, r.Changed);
        return r.Created ? TypedResults.Created($"{ApiRoutes.Prefix}/kits/{r.Kit.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Created<KitSummaryView>, ProblemHttpResult>> Fork(Guid kitId, ForkRequest request, ClaimsPrincipal principal, ForkKit useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new ForkKit.Request(kitId, request.Version, request.Name, request.Slug), ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/kits/{result.Value.Id}", View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<KitVersionView>, ProblemHttpResult>> Draft(Guid kitId, ClaimsPrincipal principal, GetKitVersion useCase, HttpResponse response, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), new GetKitVersion.Request(kitId, null, Draft: true), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        response.Headers.ETag = $"\"{result.Value.Version.ContentHash}\"";
        return TypedResults.Ok(View(result.Value));
    }

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> ReplaceDraft(Guid kitId, HttpRequest request, ClaimsPrincipal principal, ReplaceDraft useCase, CancellationToken ct)
    {
        var body = await ReadYamlAsync(request, ct);
        return body.IsSuccess
            ? Saved(await useCase.HandleAsync(principal.ToActor(), kitId, body.Value, IfMatch(request), ct), request.HttpContext.Response)
            : body.Error!.ToProblem();
    }

    /// <summary>A numbered version can be written only while it is the draft: published versions answer 409.</summary>
    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> ReplaceVersion(Guid kitId, int number, HttpRequest request, ClaimsPrincipal principal, IKitStore kits, ReplaceDraft useCase, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var version = await kits.FindVersionAsync(actor.OrganizationId, kitId, number, ct);
        if (version?.Status == KitVersionStatuses.Published)
        {
            return Error.Conflict("kit.version_published", $"Version {number} is published and immutable. Edit the draft and publish a new version.").ToProblem();
        }

        var draft = await kits.FindDraftAsync(actor.OrganizationId, kitId, ct);
        var kit = await kits.FindAsync(actor.OrganizationId, kitId, ct);
        var expected = draft?.Number ?? (kit?.LatestVersion ?? 0) + 1;
        if (kit is null || number != expected)
        {
            return Error.NotFound("kit.version_not_found", $"Version {number} is neither published nor the draft of this kit.").ToProblem();
        }

        return await ReplaceDraft(kitId, request, principal, useCase, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Discard(Guid kitId, ClaimsPrincipal principal, DiscardKitDraft useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> UpdateInfo(Guid kitId, InfoRequest body, HttpRequest request, ClaimsPrincipal principal, UpdateDraftInfo useCase, CancellationToken ct) =>
        Saved(await useCase.HandleAsync(principal.ToActor(), kitId, new UpdateDraftInfo.Request(body.Name!, body.Summary!, body.Overview!, body.Public, IfMatch(request)), ct), request.HttpContext.Response);

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> SaveCompetency(Guid kitId, string competencyId, CompetencyRequest body, HttpRequest request, ClaimsPrincipal principal, SaveDraftCompetency useCase, CancellationToken ct)
    {
        var d = body.Descriptors!;
        var edit = new SaveDraftCompetency.Request(competencyId, body.AreaId, body.Name!, body.Definition!, d.Junior ?? "", d.Mid ?? "", d.Senior ?? "", d.Principal ?? "", body.Topics ?? [], IfMatch(request));
        return Saved(await useCase.HandleAsync(principal.ToActor(), kitId, edit, ct), request.HttpContext.Response);
    }

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> SaveTrait(Guid kitId, string traitId, TraitRequest body, HttpRequest request, ClaimsPrincipal principal, SaveDraftTrait useCase, CancellationToken ct) =>
        Saved(await useCase.HandleAsync(principal.ToActor(), kitId, new SaveDraftTrait.Request(traitId, body.Name!, body.Definition!, IfMatch(request)), ct), request.HttpContext.Response);

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> SaveQuestion(Guid kitId, string questionId, QuestionRequest body, HttpRequest request, ClaimsPrincipal principal, SaveDraftQuestion useCase, CancellationToken ct) =>
        Saved(await useCase.HandleAsync(principal.ToActor(), kitId, new SaveDraftQuestion.Request(ToQuestion(questionId, body), IfMatch(request)), ct), request.HttpContext.Response);

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> RemoveQuestion(Guid kitId, string questionId, HttpRequest request, ClaimsPrincipal principal, RemoveDraftQuestion useCase, CancellationToken ct) =>
        Saved(await useCase.HandleAsync(principal.ToActor(), kitId, questionId, IfMatch(request), ct), request.HttpContext.Response);

    public static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> Reorder(Guid kitId, OrderRequest body, HttpRequest request, ClaimsPrincipal principal, ReorderDraftQuestions useCase, CancellationToken ct) =>
        Saved(await useCase.HandleAsync(principal.ToActor(), kitId, body.QuestionIds!, IfMatch(request), ct), request.HttpContext.Response);

    public static async Task<Results<Created<Published>, ProblemHttpResult>> Publish(Guid kitId, HttpRequest request, ClaimsPrincipal principal, PublishKitDraft useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, IfMatch(request), ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/kits/{kitId}/versions/{result.Value}", new Published(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Retire(Guid kitId, string questionKey, bool retired, ClaimsPrincipal principal, SetQuestionRetired useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), kitId, questionKey, retired, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    private static Results<Ok<DraftSaved>, ProblemHttpResult> Saved(Result<string> result, HttpResponse response)
    {
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        response.Headers.ETag = $"\"{result.Value}\"";
        return TypedResults.Ok(new DraftSaved(result.Value));
    }

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.ToString() is { Length: > 0 } value ? value.Trim().Trim('"') : null;

    /// <summary>Reads a YAML body of at most <see cref="ImportKit.MaxBytes"/> characters, in chunks.</summary>
    private static async Task<Result<string>> ReadYamlAsync(HttpRequest request, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !YamlTypes.Contains(type))
        {
            return new Error(ErrorKind.UnsupportedMediaType, "request.unsupported_media_type", "Send the kit as YAML (Content-Type: application/yaml).");
        }

        var tooLarge = new Error(ErrorKind.TooLarge, "request.too_large", $"A kit document can have at most {ImportKit.MaxBytes / (1024 * 1024)} MB.");
        if (request.ContentLength > ImportKit.MaxBytes)
        {
            return tooLarge;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            if (text.Length + read > ImportKit.MaxBytes)
            {
                return tooLarge;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
