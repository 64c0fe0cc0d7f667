using System.Text.Encodings.Web;
using Hirekit.Core.Practice;
using Microsoft.AspNetCore.Html;

namespace Hirekit.Web.Pages.Practice;

/// <summary>A run of the answer's text and the numbers of the indicators it is evidence for (none: plain text).</summary>
public sealed record HighlightSegment(string Text, IReadOnlyList<int> Indicators);

/// <summary>A passage with a little of the text around it, for showing under its indicator.</summary>
public sealed record Excerpt(string Before, string Match, string After);

/// <summary>Cuts an answer into plain and highlighted runs for <c>&lt;mark&gt;</c>, from the matcher's offsets.</summary>
public static class PracticeHighlight
{
    private const int Context = 60;

    /// <param name="indicators">Each indicator with the number shown for it (its position among the question's positive indicators).</param>
    public static IReadOnlyList<HighlightSegment> Segments(string answer, IEnumerable<(int Number, IndicatorFeedback Indicator)> indicators)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(indicators);
        var spans = indicators
            .SelectMany(i => i.Indicator.Passages.Select(p => (i.Number, Start: Math.Clamp(p.Start, 0, answer.Length), End: Math.Clamp(p.Start + p.Length, 0, answer.Length))))
            .Where(s => s.End > s.Start)
            .ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(answer.Length).Distinct().Order().ToList();
        var segments = new List<HighlightSegment>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var numbers = spans.Where(s => s.Start <= from && s.End >= to).Select(s => s.Number).Distinct().Order().ToList();
            if (segments.Count > 0 && segments[^1].Indicators.SequenceEqual(numbers))
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + answer[from..to] };
            }
            else
            {
                segments.Add(new HighlightSegment(answer[from..to], numbers));
            }
        }

        return segments;
    }

    /// <summary>
    /// The segments as HTML: plain runs encoded, evidence in <c>&lt;mark&gt;</c> followed by the
    /// indicator numbers in brackets, so the highlight does not depend on colour. Built here rather
    /// than in the view so no stray white space enters a pre-wrapped block.
    /// </summary>
    public static IHtmlContent ToHtml(IEnumerable<HighlightSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            var text = HtmlEncoder.Default.Encode(segment.Text);
            if (segment.Indicators.Count == 0)
            {
                html.Append(text);
                continue;
            }

            var numbers = string.Join(", ", segment.Indicators);
            html.Append("<mark data-indicators=\"").Append(string.Join(' ', segment.Indicators)).Append("\">").Append(text)
                .Append("</mark><sup class=\"mark-ref\">[").Append(numbers).Append("]</sup>");
        }

        return new HtmlString(html.ToString());
    }

    public static Excerpt ExcerptOf(string answer, EvidencePassage passage)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(passage);
        var start = Math.Clamp(passage.Start, 0, answer.Length);
        var end = Math.Clamp(passage.Start + passage.Length, start, answer.Length);
        var from = Math.Max(0, start - Context);
        var to = Math.Min(answer.Length, end + Context);
        var before = answer[from..start];
        var after = answer[end..to];
        if (from > 0)
        {
            before = "…" + (before.IndexOf(' ', StringComparison.Ordinal) is var s and >= 0 ? before[(s + 1)..] : before);
        }

        if (to < answer.Length)
        {
            after = (after.LastIndexOf(' ') is var s and > 0 ? after[..s] : after) + "…";
        }

        return new Excerpt(before.Replace('\n', ' '), answer[start..end], after.Replace('\n', ' '));
    }
}
