using Hirekit.Core.Candidates;

namespace Hirekit.Data.Applications;

/// <summary>
/// A column's first page of cards, newest first, and whether more follow. Kept as one object so
/// every board served from the cache hands out the same list, which the board page keys its
/// rendered markup on (ADR 27).
/// </summary>
public sealed record CardPage(IReadOnlyList<PipelineCard> Cards, bool HasMore);
