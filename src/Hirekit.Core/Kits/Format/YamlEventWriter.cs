using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// A thin layer over YamlDotNet's <see cref="Emitter"/> that picks scalar styles so text reads
/// back exactly: multi-line text as a literal block (the emitter falls back to a double-quoted
/// scalar where a block cannot hold the text, such as lines of only spaces), control characters
/// double-quoted, text that another YAML reader would take for null, a boolean, a number or a
/// date single-quoted, everything else plain (the emitter quotes where YAML requires it).
/// </summary>
internal sealed partial class YamlEventWriter(TextWriter output)
{
    /// <summary>Long plain and quoted text wraps at about this column; YAML folds it back on reading.</summary>
    public const int LineWidth = 100;

    private readonly Emitter _emitter = new(output, new EmitterSettings(2, LineWidth, false, 1024, false, true, "\n"));

    public void BeginDocument()
    {
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart());
    }

    public void EndDocument()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
    }

    public void BeginMapping(bool flow = false) =>
        _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block));

    public void EndMapping() => _emitter.Emit(new MappingEnd());

    public void BeginSequence(bool flow = false) =>
        _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));

    public void EndSequence() => _emitter.Emit(new SequenceEnd());

    /// <summary>A key, id or code: plain unless YAML needs quotes.</summary>
    public void Key(string key) => Text(key);

    public void Text(string value) => _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, StyleFor(value), true, true));

    public void Number(int value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    public void Number(decimal value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    public void Bool(bool value) => Plain(value ? "true" : "false");

    /// <summary>A date as YYYY-MM-DD, quoted so YAML 1.1 readers keep it a string.</summary>
    public void Date(DateOnly value) =>
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ScalarStyle.DoubleQuoted, true, true));

    private void Plain(string value) => _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false));

    private static ScalarStyle StyleFor(string value)
    {
        if (value.Length == 0)
        {
            return ScalarStyle.SingleQuoted;
        }

        if (value.Any(NeedsEscape))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return ScalarStyle.Literal;
        }

        return LooksTyped().IsMatch(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain;
    }

    /// <summary>
    /// Characters only a double-quoted scalar keeps exactly: control characters other than the line
    /// feed (a tab at a line edge is taken for white space; CR is normalised) and the characters
    /// YAML treats as line breaks.
    /// </summary>
    private static bool NeedsEscape(char c) =>
        (c < ' ' && c != '\n') || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF';

    /// <summary>Plain scalars that YAML 1.1 or 1.2 readers would resolve to null, a boolean, a number or a timestamp.</summary>
    [GeneratedRegex(
        @"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        + @"|[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();
}
