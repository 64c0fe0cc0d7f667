using Hirekit.Web.Pages.Shared;

namespace Hirekit.Web.Tests.Kits;

public sealed class MarkdownTests
{
    [Fact]
    public void RawHtml_IsRenderedAsTextNeverAsMarkup()
    {
        var html = Markdown.ToHtml("**bold** <script>alert(1)</script> <img src=x onerror=alert(2)>").ToString()!;

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
