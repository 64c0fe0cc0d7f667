using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>
/// The question bank: every question of the latest published version of the organisation's kits,
/// searched by relevance and filtered by kit, competency or trait, level, round and kind.
/// </summary>
public sealed class SearchQuestions(IQuestionBankStore bank)
{
    public async Task<Result<Page<QuestionHit>>> HandleAsync(Actor actor, QuestionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Text is { Length: > 200 })
        {
            return Error.Validation("q", "Search with at most 200 characters.");
        }

        if (query.Kind is { } kind && !Vocabulary.QuestionKinds.Contains(kind))
        {
            return Error.Validation("kind", $"Kind must be one of: {string.Join(", ", Vocabulary.QuestionKinds)}.");
        }

        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var rows = await bank.SearchAsync(actor.OrganizationId, query, (page - 1) * size, size + 1, ct);
        return Paging.FromOverfetch(rows, page, size);
    }
}

/// <summary>One question with everything an interviewer needs: indicators, follow-ups and model-answer notes.</summary>
public sealed class GetKitQuestion(GetKitVersion getVersion)
{
    public sealed record Response(KitView View, Question Question, Competency? Competency, Trait? Trait, Round? Round);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid kitId, string questionKey, int? version, CancellationToken ct)
    {
        var view = await getVersion.HandleAsync(actor, new GetKitVersion.Request(kitId, version), ct);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var kit = view.Value.Kit;
        var question = kit.FindQuestion(questionKey);
        return question is null
            ? Error.NotFound("question.not_found", "No such question in this kit version.")
            : new Response(view.Value, question, question.Competency is { } c ? kit.FindCompetency(c) : null, question.Trait is { } t ? kit.FindTrait(t) : null, kit.FindRound(question.Round));
    }
}

/// <summary>
/// Retires a question (kept for history, no longer offered for new loops) or restores it. This is
/// the organisation's exposure policy, so it applies to built-in kits too and needs no new version.
/// </summary>
public sealed class SetQuestionRetired(IKitStore kits, IQuestionBankStore bank, KitDocumentCache cache, TimeProvider time)
{
    public async Task<Result<bool>> HandleAsync(Actor actor, Guid kitId, string questionKey, bool retired, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!KitAccess.CanEdit(actor))
        {
            return KitAccess.Forbidden;
        }

        var summary = await kits.FindAsync(actor.OrganizationId, kitId, ct);
        if (summary?.LatestVersion is not { } latest)
        {
            return KitAccess.NotFound;
        }

        var version = await kits.FindVersionAsync(actor.OrganizationId, kitId, latest, ct);
        if (version is null || cache.Get(version.ContentHash, version.Document).FindQuestion(questionKey) is null)
        {
            return Error.NotFound("question.not_found", "No such question in this kit.");
        }

        return await bank.SetRetiredAsync(actor.OrganizationId, kitId, questionKey, retired, actor.UserId, time.GetUtcNow(), ct);
    }
}
