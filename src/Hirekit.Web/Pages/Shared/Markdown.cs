using Markdig;
using Microsoft.AspNetCore.Html;

namespace Hirekit.Web.Pages.Shared;

/// <summary>
/// Renders kit and user Markdown to HTML with raw HTML disabled: any HTML in the text is shown as
/// text, never executed, so a kit or a note cannot inject script into a page.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static IHtmlContent ToHtml(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToHtml(markdown, Pipeline));
}
