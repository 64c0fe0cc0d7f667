using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Hirekit.Core.AsyncScreens;
using Hirekit.Core.Candidates;
using Hirekit.Web.Pages.Pipeline;
using Microsoft.AspNetCore.Html;

namespace Hirekit.Web.Tests.Candidates;

/// <summary>The board's card markup, rendered once per cached card list (ADR 27).</summary>
public sealed class BoardCardMarkupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cards_AreEncoded_AndOnlyAMovableColumnHasCheckboxes()
    {
        var card = Card("<Ada & \"Bob\">");
        IReadOnlyList<PipelineCard> cards = [card];

        var movable = Parse(BoardCardMarkup.For(cards, true, Now));
        var fixedColumn = Parse(BoardCardMarkup.For(cards, false, Now));

        var item = Assert.Single(movable.QuerySelectorAll("ol.board-cards[data-cards] > li.board-card[data-card]"));
        Assert.Equal($"card-{card.ApplicationId}", item.Id);
        Assert.Equal("<Ada & \"Bob\">", item.QuerySelector("a.card-name")!.TextContent);
        Assert.Equal($"/applications/{card.ApplicationId}", item.QuerySelector("a.card-name")!.GetAttribute("href"));
        Assert.Equal(card.ApplicationId.ToString(), item.QuerySelector("input[type=checkbox][name=applicationId]")!.GetAttribute("value"));
        Assert.Equal("Select <Ada & \"Bob\">", item.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("2026-11-01", item.QuerySelector("time")!.TextContent);
        Assert.Empty(fixedColumn.QuerySelectorAll("input"));
        Assert.Single(fixedColumn.QuerySelectorAll("li.board-card"));
        Assert.Equal("No one here.", Parse(BoardCardMarkup.For([], false, Now)).QuerySelector("li.empty-column[data-empty]")!.TextContent);
    }

    [Fact]
    public void TheSameList_IsRenderedOnce_AndAnotherListAfresh()
    {
        IReadOnlyList<PipelineCard> cards = [Card("Ada")];

        var first = BoardCardMarkup.For(cards, true, Now);
        var again = BoardCardMarkup.For(cards, true, Now.AddHours(5));
        var changed = BoardCardMarkup.For([Card("Grace")], true, Now);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.Contains("Grace", Html(changed), StringComparison.Ordinal);
    }

    [Fact]
    public void AWrittenScreensBadge_IsRenderedAgainOnceItsDeadlinePasses()
    {
        var deadline = Now.AddDays(2);
        var open = Card("Ada") with { WrittenScreen = new AsyncScreenBadge(Guid.NewGuid(), deadline, null, null) };
        var submitted = Card("Bea") with { WrittenScreen = new AsyncScreenBadge(Guid.NewGuid(), Now.AddHours(1), Now, Now) };
        IReadOnlyList<PipelineCard> cards = [open, submitted];

        var before = BoardCardMarkup.For(cards, false, Now);
        var stillBefore = BoardCardMarkup.For(cards, false, deadline.AddTicks(-1));
        var after = BoardCardMarkup.For(cards, false, deadline);

        Assert.Same(before, stillBefore); // a submitted screen's deadline does not count
        Assert.Contains("screen-sent", Html(before), StringComparison.Ordinal);
        Assert.Contains("Screen sent, due 2026-11-23", Html(before), StringComparison.Ordinal);
        Assert.Contains("screen-expired", Html(after), StringComparison.Ordinal);
        Assert.Equal(2, Parse(after).QuerySelectorAll(".screen-badge").Length);
        Assert.Contains("Screen submitted", Html(after), StringComparison.Ordinal);
    }

    private static PipelineCard Card(string name) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), Now);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static AngleSharp.Dom.IElement Parse(IHtmlContent content) =>
        new HtmlParser().ParseDocument($"<body>{Html(content)}</body>").Body!;
}
