namespace Hirekit.Core.Kits.Format;

/// <summary>
/// One problem found while loading a kit: where it is (file relative to the kit folder, 1-based
/// line and column, field path such as <c>questions[3].positive[1].cues</c>) and what is wrong.
/// List indexes in the path are 0-based and count within the file named.
/// </summary>
public sealed record KitProblem(string File, int Line, int Column, string Path, string Message)
{
    // e.g. "questions/attitude.yaml:40:7: questions[2].trait: unknown trait 'ownershipp'"
    public override string ToString() => $"{File}:{Line}:{Column}: {Path}: {Message}";
}

/// <summary>
/// The outcome of loading a kit. <see cref="Kit"/> is null whenever there is any problem: a kit
/// is either entirely valid or not produced at all, and <see cref="Problems"/> then lists every
/// problem found (sorted by file, line and column), not only the first.
/// </summary>
public sealed record KitLoadResult(Kit? Kit, IReadOnlyList<KitProblem> Problems)
{
    public bool IsValid => Kit is not null && Problems.Count == 0;
}
