using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Collects the problems of one load. Remembers which scalar nodes already carry a problem so
/// later checks (references, cross-field rules) do not pile a second message on a value that is
/// already reported as malformed.
/// </summary>
internal sealed class ProblemSink
{
    private readonly List<KitProblem> _problems = [];
    private readonly HashSet<YamlNode> _flagged = new(ReferenceEqualityComparer.Instance);

    public int Count => _problems.Count;

    public void Report(YamlCursor at, string message)
    {
        if (at.Node is YamlScalarNode)
        {
            _flagged.Add(at.Node);
        }

        _problems.Add(new KitProblem(at.File, at.Line, at.Column, at.Path, message));
    }

    public void Report(string file, Mark mark, string path, string message) =>
        _problems.Add(new KitProblem(file, ToInt(mark.Line), ToInt(mark.Column), path, message));

    public void Report(KitProblem problem) => _problems.Add(problem);

    /// <summary>True when a scalar node already has a problem of its own.</summary>
    public bool IsFlagged(YamlNode node) => _flagged.Contains(node);

    /// <summary>Every distinct problem, ordered by file (ordinal), line, column, then path and message.</summary>
    public IReadOnlyList<KitProblem> ToSortedList() =>
        _problems
            .Distinct()
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ThenBy(p => p.Message, StringComparer.Ordinal)
            .ToList();

    internal static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}

/// <summary>
/// A node of a parsed kit file together with where it is: the file (relative to the kit
/// folder) and the field path from the document root (<c>questions[3].positive[1].cues</c>).
/// Cursors are cheap, immutable and never throw; problems go to the load's <see cref="ProblemSink"/>.
/// </summary>
internal sealed class YamlCursor(LoadContext context, string file, string path, YamlNode node)
{
    public LoadContext Context => context;

    public string File => file;

    public string Path => path;

    public YamlNode Node => node;

    public int Line => ProblemSink.ToInt(node.Start.Line);

    public int Column => ProblemSink.ToInt(node.Start.Column);

    /// <summary>"file:line:column", to point at an earlier definition in a message.</summary>
    public string Where => $"{file}:{Line}:{Column}";

    public YamlCursor Field(string key, YamlNode value) => new(context, file, path.Length == 0 ? key : $"{path}.{key}", value);

    public YamlCursor Item(int index, YamlNode value) => new(context, file, $"{path}[{index}]", value);

    public void Report(string message) => context.Problems.Report(this, message);

    /// <summary>What the node is, for "expected text, found a mapping" messages.</summary>
    public string Describe() => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when YamlText.IsNull(scalar) => "an empty value",
        YamlScalarNode => "text",
        _ => "an unsupported node",
    };
}

/// <summary>The state of one load: the problems found so far and the side table of source positions.</summary>
internal sealed class LoadContext
{
    public ProblemSink Problems { get; } = new();

    public SourceMap Sources { get; } = new();

    public YamlCursor Root(string file, YamlNode node) => new(this, file, "", node);
}
