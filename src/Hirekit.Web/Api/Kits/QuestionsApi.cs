using System.Security.Claims;
using Hirekit.Core.Kits;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Hirekit.Web.Api.Kits.KitWire;

namespace Hirekit.Web.Api.Kits;

/// <summary>The question bank across the organisation's kits (latest published versions).</summary>
public static class QuestionsApi
{
    public static IEndpointRouteBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/questions", "Questions");
        group.MapGet("", Search).WithName("SearchQuestions").WithSummary("Full-text search with relevance ranking plus filters; retired questions are left out unless includeRetired=true.");
        return app;
    }

    public static async Task<Results<Ok<QuestionPage>, ProblemHttpResult>> Search(
        ClaimsPrincipal principal,
        SearchQuestions useCase,
        string? q,
        Guid? kit,
        string? competency,
        string? trait,
        string? level,
        string? round,
        string? kind,
        bool? includeRetired,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        Level? parsedLevel = null;
        if (!string.IsNullOrEmpty(level))
        {
            if (!Levels.TryParse(level, out var l))
            {
                return Hirekit.Core.Common.Error.Validation("level", "Level must be junior, mid, senior or principal.").ToProblem();
            }

            parsedLevel = l;
        }

        var query = new QuestionQuery(q, kit, Blank(competency), Blank(trait), parsedLevel, Blank(round), Blank(kind), includeRetired ?? false, page ?? 1, pageSize ?? 20);
        var result = await useCase.HandleAsync(principal.ToActor(), query, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var items = result.Value.Items
            .Select(h => new QuestionHitView(h.KitId, h.KitName, h.Version, h.Key, h.Kind, h.Competency, h.Trait, h.Round, LevelsOf(h.LevelMask), h.Title, h.Retired, h.Uses))
            .ToList();
        return TypedResults.Ok(new QuestionPage(items, result.Value.PageNumber, result.Value.PageSize, result.Value.HasMore));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
