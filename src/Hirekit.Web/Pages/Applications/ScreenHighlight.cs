using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Hirekit.Web.Pages.Applications;

/// <summary>A piece of a resume passage; marked pieces are where one of the flag's cues occurs.</summary>
public sealed record PassagePart(string Text, bool Marked);

/// <summary>
/// Marks the cues of a flag inside a resume passage, so the reviewer sees why the passage was
/// suggested. Matching is case-insensitive on the literal cue; passages found through a synonym
/// stay unmarked but are still shown.
/// </summary>
public static class ScreenHighlight
{
    public static IReadOnlyList<PassagePart> Parts(string passage, IEnumerable<string> cues)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(cues);
        var marks = new bool[passage.Length];
        foreach (var cue in cues.Where(c => c.Length > 0))
        {
            var at = 0;
            while ((at = passage.IndexOf(cue, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                Array.Fill(marks, true, at, cue.Length);
                at += cue.Length;
            }
        }

        var parts = new List<PassagePart>();
        var start = 0;
        for (var i = 1; i <= passage.Length; i++)
        {
            if (i == passage.Length || marks[i] != marks[start])
            {
                parts.Add(new PassagePart(passage[start..i], marks[start]));
                start = i;
            }
        }

        return parts;
    }

    /// <summary>The passage as HTML: encoded text with the cues in &lt;mark&gt;, with no whitespace added between pieces.</summary>
    public static IHtmlContent Html(string passage, IEnumerable<string> cues)
    {
        var html = new System.Text.StringBuilder();
        foreach (var part in Parts(passage, cues))
        {
            var text = HtmlEncoder.Default.Encode(part.Text);
            html.Append(part.Marked ? $"<mark>{text}</mark>" : text);
        }

        return new HtmlString(html.ToString());
    }
}
