namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Side table from model objects to where they came from, so the validator can report a rule
/// at the offending node after files are merged. Kept outside the records (keyed by reference,
/// not by value) so record equality stays purely about content: two equal indicators in
/// different questions still have separate positions.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<object, SourceNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, IReadOnlyList<YamlCursor>> _items = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records that <paramref name="model"/> was read from <paramref name="at"/>, with the value cursor of each field present.</summary>
    public T Bind<T>(T model, YamlCursor at, IReadOnlyDictionary<string, YamlCursor> fields)
        where T : class
    {
        _nodes[model] = new SourceNode(at, fields);
        return model;
    }

    /// <summary>Records the item cursors of a list, aligned with the list's indexes.</summary>
    public void BindItems(object list, IReadOnlyList<YamlCursor> items)
    {
        if (items.Count > 0)
        {
            _items[list] = items;
        }
    }

    /// <summary>The node of <paramref name="field"/> when present, else the model's own node; null for unknown models.</summary>
    public YamlCursor? Locate(object model, string? field = null)
    {
        if (!_nodes.TryGetValue(model, out var node))
        {
            return null;
        }

        return field is not null && node.Fields.TryGetValue(field, out var value) ? value : node.At;
    }

    /// <summary>The node of <paramref name="field"/> only when the field was written in the source.</summary>
    public YamlCursor? Field(object model, string field) =>
        _nodes.TryGetValue(model, out var node) && node.Fields.TryGetValue(field, out var value) ? value : null;

    public YamlCursor? LocateItem(object list, int index) =>
        _items.TryGetValue(list, out var items) && index >= 0 && index < items.Count ? items[index] : null;

    private sealed record SourceNode(YamlCursor At, IReadOnlyDictionary<string, YamlCursor> Fields);
}
