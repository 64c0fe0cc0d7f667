using Hirekit.Core.Common;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>Changes the kit's name and texts in the draft.</summary>
public sealed class UpdateDraftInfo(KitDraftEditor editor)
{
    public sealed record Request(string Name, string Summary, string Overview, bool Public, string? ExpectedHash);

    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, Request request, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, request?.ExpectedHash, kit => kit with
        {
            Info = kit.Info with { Name = request!.Name?.Trim() ?? "", Summary = request.Summary?.Trim() ?? "", Overview = request.Overview?.Trim() ?? "", Public = request.Public },
        }, ct);
}

/// <summary>Creates or replaces a competency (definition, the four level descriptors, study topics).</summary>
public sealed class SaveDraftCompetency(KitDraftEditor editor)
{
    /// <param name="AreaId">The area of a new competency; an existing one stays in its area.</param>
    public sealed record Request(string CompetencyId, string? AreaId, string Name, string Definition, string Junior, string Mid, string Senior, string Principal, IReadOnlyList<string> Topics, string? ExpectedHash);

    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, Request request, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, request?.ExpectedHash, kit =>
        {
            var competency = new Competency(
                request!.CompetencyId.Trim(),
                request.Name?.Trim() ?? "",
                request.Definition?.Trim() ?? "",
                new LevelDescriptors(request.Junior?.Trim() ?? "", request.Mid?.Trim() ?? "", request.Senior?.Trim() ?? "", request.Principal?.Trim() ?? ""),
                (request.Topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToValueList());
            var home = kit.Areas.FirstOrDefault(a => a.Competencies.Any(c => c.Id == competency.Id)) ?? kit.Areas.FirstOrDefault(a => a.Id == request.AreaId);
            if (home is null)
            {
                return Error.Validation("areaId", "Choose the area the new competency belongs to.");
            }

            var areas = kit.Areas.Select(a => a.Id != home.Id
                ? a
                : a with { Competencies = a.Competencies.Any(c => c.Id == competency.Id) ? a.Competencies.Select(c => c.Id == competency.Id ? competency : c).ToValueList() : a.Competencies.Append(competency).ToValueList() });
            return kit with { Areas = areas.ToValueList() };
        }, ct);
}

/// <summary>Creates or replaces a trait of the attitude questions.</summary>
public sealed class SaveDraftTrait(KitDraftEditor editor)
{
    public sealed record Request(string TraitId, string Name, string Definition, string? ExpectedHash);

    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, Request request, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, request?.ExpectedHash, kit =>
        {
            var trait = new Trait(request!.TraitId.Trim(), request.Name?.Trim() ?? "", request.Definition?.Trim() ?? "");
            var traits = kit.Traits.Any(t => t.Id == trait.Id) ? kit.Traits.Select(t => t.Id == trait.Id ? trait : t) : kit.Traits.Append(trait);
            return kit with { Traits = traits.ToValueList() };
        }, ct);
}

/// <summary>Adds a question at the end, or replaces the question with the same id where it stands.</summary>
public sealed class SaveDraftQuestion(KitDraftEditor editor)
{
    public sealed record Request(Question Question, string? ExpectedHash);

    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, Request request, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, request?.ExpectedHash, kit =>
        {
            var question = request!.Question;
            var questions = kit.Questions.Any(q => q.Id == question.Id) ? kit.Questions.Select(q => q.Id == question.Id ? question : q) : kit.Questions.Append(question);
            return kit with { Questions = questions.ToValueList() };
        }, ct);
}

/// <summary>
/// Removes a question from the draft. Published versions keep it; to stop offering a question
/// without a new version, retire it instead. A question still named by a loop template or the
/// written screen cannot be removed until those references go.
/// </summary>
public sealed class RemoveDraftQuestion(KitDraftEditor editor)
{
    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, string questionId, string? expectedHash, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, expectedHash, kit =>
            kit.FindQuestion(questionId) is null
                ? Error.NotFound("question.not_found", "No such question in the draft.")
                : kit with { Questions = kit.Questions.Where(q => q.Id != questionId).ToValueList() }, ct);
}

/// <summary>Puts the draft's questions in the given order, which must name each question exactly once.</summary>
public sealed class ReorderDraftQuestions(KitDraftEditor editor)
{
    public Task<Result<string>> HandleAsync(Actor actor, Guid kitId, IReadOnlyList<string> order, string? expectedHash, CancellationToken ct) =>
        editor.EditAsync(actor, kitId, expectedHash, kit =>
        {
            var byId = kit.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
            if (order is null || order.Count != byId.Count || order.Distinct(StringComparer.Ordinal).Count() != order.Count || order.Any(id => !byId.ContainsKey(id)))
            {
                return Error.Validation("questionIds", "List every question of the draft exactly once.");
            }

            return kit with { Questions = order.Select(id => byId[id]).ToValueList() };
        }, ct);

    /// <summary>Moves one question up or down by one place (the form without JavaScript).</summary>
    public async Task<Result<string>> MoveAsync(Actor actor, Guid kitId, string questionId, int by, string? expectedHash, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(actor, kitId, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var ids = opened.Value.Kit.Questions.Select(q => q.Id).ToList();
        var from = ids.IndexOf(questionId);
        if (from < 0)
        {
            return Error.NotFound("question.not_found", "No such question in the draft.");
        }

        var to = Math.Clamp(from + by, 0, ids.Count - 1);
        ids.RemoveAt(from);
        ids.Insert(to, questionId);
        return await HandleAsync(actor, kitId, ids, expectedHash, ct);
    }
}

/// <summary>Replaces the whole draft with a kit document (the export format), keeping the kit's slug.</summary>
public sealed class ReplaceDraft(KitDraftEditor editor)
{
    public async Task<Result<string>> HandleAsync(Actor actor, Guid kitId, string yaml, string? expectedHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parsed = KitLoader.Parse(yaml, "draft.yaml");
        if (!parsed.IsValid)
        {
            var opened = await editor.OpenAsync(actor, kitId, ct);
            return opened.IsSuccess ? KitValidation.Invalid(parsed.Problems, withPositions: true) : opened.Error!;
        }

        return await editor.EditAsync(actor, kitId, expectedHash, _ => parsed.Kit!, ct);
    }
}

/// <summary>Publishes the draft as the kit's next immutable version.</summary>
public sealed class PublishKitDraft(IKitStore kits, KitDraftEditor editor, TimeProvider time)
{
    public async Task<Result<int>> HandleAsync(Actor actor, Guid kitId, string? expectedHash, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(actor, kitId, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        if (opened.Value.Hash is not { } hash)
        {
            return Error.Conflict("kit.no_draft", "There is no draft to publish.");
        }

        if (!string.IsNullOrEmpty(expectedHash) && expectedHash != hash)
        {
            return KitDraftEditor.Stale;
        }

        var number = await kits.PublishDraftAsync(actor.OrganizationId, kitId, hash, actor.UserId, time.GetUtcNow(), ct);
        return number is { } n ? n : KitDraftEditor.Stale;
    }
}

public sealed class DiscardKitDraft(IKitStore kits, KitDraftEditor editor, TimeProvider time)
{
    public async Task<Result<Unit>> HandleAsync(Actor actor, Guid kitId, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(actor, kitId, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        return await kits.DiscardDraftAsync(actor.OrganizationId, kitId, actor.UserId, time.GetUtcNow(), ct)
            ? Unit.Value
            : Error.NotFound("kit.no_draft", "There is no draft to discard.");
    }
}
