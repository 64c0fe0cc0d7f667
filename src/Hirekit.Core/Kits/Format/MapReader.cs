using System.Globalization;
using System.Numerics;
using Hirekit.Core.Common;
using YamlDotNet.RepresentationModel;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Reads the fields of one YAML mapping against a fixed set of keys. Opening it reports a node
/// that is not a mapping and every unknown key; each typed read reports a missing required
/// field (at the mapping), a wrong node type or a malformed value (at the value) and returns a
/// placeholder (empty text, 0, false, an empty list) so reading goes on and every problem of the
/// file is found in one pass. A kit with any problem is discarded, so placeholders never leak.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, YamlCursor> _fields = new(StringComparer.Ordinal);

    private MapReader(YamlCursor at, bool isMapping)
    {
        At = at;
        IsMapping = isMapping;
    }

    public YamlCursor At { get; }

    /// <summary>False when the node was not a mapping (already reported); every read then yields placeholders silently.</summary>
    public bool IsMapping { get; }

    public IReadOnlyDictionary<string, YamlCursor> Fields => _fields;

    private LoadContext Context => At.Context;

    /// <param name="keys">The keys this mapping may hold; any other key is reported as unknown.</param>
    /// <param name="unknownWhat">What an unknown key is called in the message ("field", "level").</param>
    public static MapReader Open(YamlCursor at, IReadOnlyCollection<string> keys, string unknownWhat = "field")
    {
        if (at.Node is not YamlMappingNode mapping)
        {
            at.Report($"expected a mapping, found {at.Describe()}");
            return new MapReader(at, false);
        }

        var reader = new MapReader(at, true);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                new YamlCursor(at.Context, at.File, at.Path, keyNode).Report("a key must be plain text");
                continue;
            }

            if (!keys.Contains(key))
            {
                at.Field(key, keyNode).Report(FormatRules.WithSuggestion($"unknown {unknownWhat} '{key}'", key, keys));
                continue;
            }

            reader._fields[key] = at.Field(key, value);
        }

        return reader;
    }

    /// <summary>Registers <paramref name="model"/> in the side table with this mapping's positions.</summary>
    public T Bind<T>(T model)
        where T : class => Context.Sources.Bind(model, At, _fields);

    public bool Has(string key) => _fields.ContainsKey(key);

    public YamlCursor? Get(string key) => _fields.GetValueOrDefault(key);

    /// <summary>The value cursor, or null after reporting the field as missing.</summary>
    public YamlCursor? Require(string key)
    {
        if (_fields.TryGetValue(key, out var value))
        {
            return value;
        }

        ReportMissing(key);
        return null;
    }

    public void ReportMissing(string key)
    {
        if (IsMapping)
        {
            At.Report($"missing required field '{key}'");
        }
    }

    public string Text(string key)
    {
        if (Require(key) is not { } at)
        {
            return "";
        }

        if (!YamlText.TryText(at, out var value))
        {
            return "";
        }

        if (value is null)
        {
            at.Report($"missing required field '{key}' (the value is empty)");
            return "";
        }

        return value;
    }

    /// <summary>Optional text; an empty value counts as absent.</summary>
    public string? OptionalText(string key) =>
        Get(key) is { } at && YamlText.TryText(at, out var value) ? value : null;

    public string Id(string key)
    {
        var value = Text(key);
        CheckId(key, value);
        return value;
    }

    public string? OptionalId(string key)
    {
        var value = OptionalText(key);
        CheckId(key, value);
        return value;
    }

    /// <summary>A code from a closed vocabulary (stage kinds, severities...); reports other values.</summary>
    public string Code(string key, IReadOnlyList<string> vocabulary, string what)
    {
        var value = Text(key);
        if (value.Length > 0 && !vocabulary.Contains(value, StringComparer.Ordinal))
        {
            _fields[key].Report(FormatRules.WithSuggestion($"unknown {what} '{value}'; expected one of {FormatRules.OneOf(vocabulary)}", value, vocabulary));
        }

        return value;
    }

    public Level Level(string key) =>
        Require(key) is { } at && YamlText.TryLevel(at, out var level) ? level : default;

    public Level? OptionalLevel(string key) =>
        Get(key) is { } at && YamlText.TryLevel(at, out var level) ? level : null;

    /// <summary>A whole number within [min, max].</summary>
    public int Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Require(key) is not { } at || !YamlText.TryInt(at, out var value))
        {
            return 0;
        }

        CheckRange(at, value, min, max);
        return value;
    }

    public decimal Decimal(string key, decimal min = decimal.MinValue, decimal max = decimal.MaxValue)
    {
        if (Require(key) is not { } at || !YamlText.TryDecimal(at, out var value))
        {
            return 0;
        }

        CheckRange(at, value, min, max);
        return value;
    }

    public bool Bool(string key) => Require(key) is { } at && YamlText.TryBool(at, out var value) && value;

    /// <summary>An optional flag; absent means false.</summary>
    public bool OptionalBool(string key) => Get(key) is { } at && YamlText.TryBool(at, out var value) && value;

    public DateOnly Date(string key) => Require(key) is { } at && YamlText.TryDate(at, out var value) ? value : default;

    /// <summary>
    /// A list read item by item (items that fail are reported and left out). Absent, or a plain
    /// empty value, means an empty list; required lists report that as missing. A list with fewer
    /// than <paramref name="min"/> items is reported at the list.
    /// </summary>
    public ValueList<T> List<T>(string key, Func<YamlCursor, T?> readItem, bool required = false, int min = 0)
        where T : class =>
        Sequence(key, item => readItem(item) is { } value ? (true, value) : (false, null!), required, min);

    /// <summary>A list of level codes, read like <see cref="List{T}"/>.</summary>
    public ValueList<Level> LevelList(string key, bool required = false, int min = 0) =>
        Sequence(key, item => YamlText.TryLevel(item, out var level) ? (true, level) : (false, default), required, min);

    /// <summary>A list at a cursor that is not a field of this mapping (a section, a map value); null counts as empty.</summary>
    public static ValueList<T> ListAt<T>(YamlCursor at, Func<YamlCursor, T?> readItem, int min = 0)
        where T : class
    {
        if (at.Node is YamlScalarNode scalar && YamlText.IsNull(scalar))
        {
            if (min > 0)
            {
                at.Report($"needs at least {min} item{(min == 1 ? "" : "s")}, found an empty value");
            }

            return ValueList<T>.Empty;
        }

        return ReadSequence(at, item => readItem(item) is { } value ? (true, value) : (false, null!), min);
    }

    private ValueList<T> Sequence<T>(string key, Func<YamlCursor, (bool Ok, T Value)> readItem, bool required, int min)
    {
        var at = Get(key);
        if (at is null || at.Node is YamlScalarNode scalar && YamlText.IsNull(scalar))
        {
            if (required)
            {
                if (at is null)
                {
                    ReportMissing(key);
                }
                else
                {
                    at.Report($"missing required field '{key}' (the value is empty)");
                }
            }

            return ValueList<T>.Empty;
        }

        return ReadSequence(at, readItem, min);
    }

    private static ValueList<T> ReadSequence<T>(YamlCursor at, Func<YamlCursor, (bool Ok, T Value)> readItem, int min)
    {
        if (at.Node is not YamlSequenceNode sequence)
        {
            at.Report($"expected a list, found {at.Describe()}");
            return ValueList<T>.Empty;
        }

        var items = new List<T>(sequence.Children.Count);
        var cursors = new List<YamlCursor>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = at.Item(i, sequence.Children[i]);
            var (ok, value) = readItem(item);
            if (ok)
            {
                items.Add(value);
                cursors.Add(item);
            }
        }

        if (sequence.Children.Count < min)
        {
            at.Report($"needs at least {min} item{(min == 1 ? "" : "s")}, found {sequence.Children.Count}");
        }

        var list = items.ToValueList();
        at.Context.Sources.BindItems(list, cursors);
        return list;
    }

    /// <summary>
    /// A mapping read entry by entry (<c>competency-id: 3</c>), in source order. The entry reader
    /// gets the key and the value cursors. Absent means empty.
    /// </summary>
    public ValueList<T> Entries<T>(string key, Func<YamlCursor, YamlCursor, string, T?> readEntry)
    {
        if (Get(key) is not { } at || at.Node is YamlScalarNode scalar && YamlText.IsNull(scalar))
        {
            return ValueList<T>.Empty;
        }

        if (at.Node is not YamlMappingNode mapping)
        {
            at.Report($"expected a mapping, found {at.Describe()}");
            return ValueList<T>.Empty;
        }

        var items = new List<T>(mapping.Children.Count);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var keyAt = at.Field(keyNode is YamlScalarNode { Value: { } name } ? name : "?", keyNode);
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } entryKey })
            {
                keyAt.Report("a key must be plain text");
                continue;
            }

            if (readEntry(keyAt, at.Field(entryKey, value), entryKey) is { } entry)
            {
                items.Add(entry);
            }
        }

        return items.ToValueList();
    }

    /// <summary>An item of a list of text (follow-ups, red flags...); wrong types are reported, empty items too.</summary>
    public static string? TextItem(YamlCursor at)
    {
        if (!YamlText.TryText(at, out var value))
        {
            return null;
        }

        if (value is null)
        {
            at.Report("expected text, found an empty value");
        }

        return value;
    }

    /// <summary>An item of a list of ids (references); malformed ids are reported but kept.</summary>
    public static string? IdItem(YamlCursor at)
    {
        var value = TextItem(at);
        if (value is not null && !FormatRules.IsId(value))
        {
            at.Report(FormatRules.IdProblem(value));
        }

        return value;
    }

    private void CheckId(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !FormatRules.IsId(value))
        {
            _fields[key].Report(FormatRules.IdProblem(value));
        }
    }

    private static void CheckRange<T>(YamlCursor at, T value, T min, T max)
        where T : IComparable<T>, IMinMaxValue<T>, IFormattable
    {
        if (value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0)
        {
            return;
        }

        var found = Invariant(value);
        if (max.CompareTo(T.MaxValue) == 0)
        {
            at.Report($"must be at least {Invariant(min)}, found {found}");
        }
        else if (min.CompareTo(T.MinValue) == 0)
        {
            at.Report($"must be at most {Invariant(max)}, found {found}");
        }
        else
        {
            at.Report($"must be between {Invariant(min)} and {Invariant(max)}, found {found}");
        }
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
