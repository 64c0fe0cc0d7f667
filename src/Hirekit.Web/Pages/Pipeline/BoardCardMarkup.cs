using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using Hirekit.Core.Candidates;
using Hirekit.Web.Pages.Candidates;
using Hirekit.Web.Pages.Screens;
using Microsoft.AspNetCore.Html;

namespace Hirekit.Web.Pages.Pipeline;

/// <summary>
/// The markup of one board column's cards (its <c>ol</c>), rendered once per card list and kept
/// with it (ADR 27). The board's cards come from the pipeline card cache, which hands out the
/// same list object until the job's pipeline version changes, so the list's identity is the
/// version: a new version is a new list and new markup, and markup dies with its list. What a
/// card shows depends only on the card and the clock, and the clock only through a written
/// screen's deadline, so kept markup is reused until the earliest deadline still ahead.
/// </summary>
public static class BoardCardMarkup
{
    private static readonly ConditionalWeakTable<IReadOnlyList<PipelineCard>, Variants> Kept = new();

    /// <summary>The column's cards; <paramref name="movable"/> adds each card's checkbox for the column's move form.</summary>
    public static IHtmlContent For(IReadOnlyList<PipelineCard> cards, bool movable, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var variants = Kept.GetValue(cards, _ => new Variants());
        var kept = movable ? variants.Movable : variants.Fixed;
        if (kept is null || now >= kept.ValidUntil)
        {
            // Two requests may render the same list at once; both results are equal, either may stay.
            kept = Render(cards, movable, now);
            if (movable)
            {
                variants.Movable = kept;
            }
            else
            {
                variants.Fixed = kept;
            }
        }

        return kept.Html;
    }

    private static Rendered Render(IReadOnlyList<PipelineCard> cards, bool movable, DateTimeOffset now)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(64 + (cards.Count * (movable ? 560 : 420)));
        var validUntil = DateTimeOffset.MaxValue;
        html.Append("<ol class=\"board-cards\" data-cards>\n");
        if (cards.Count == 0)
        {
            html.Append("<li class=\"empty-column\" data-empty>No one here.</li>\n");
        }

        foreach (var card in cards)
        {
            var id = card.ApplicationId.ToString();
            var name = encoder.Encode(card.CandidateName);
            html.Append("<li class=\"board-card\" id=\"card-").Append(id).Append("\" data-card>");
            if (movable)
            {
                html.Append("<label class=\"card-pick\"><input type=\"checkbox\" name=\"applicationId\" value=\"").Append(id)
                    .Append("\"><span class=\"visually-hidden\">Select ").Append(name).Append("</span></label>");
            }

            html.Append("<a class=\"card-name\" href=\"/applications/").Append(id).Append("\">").Append(name).Append("</a>")
                .Append("<span class=\"card-meta\">Applied <time>").Append(RecruitingText.Date(card.AppliedAt)).Append("</time></span>");
            if (card.WrittenScreen is { } written)
            {
                var status = written.StatusAt(now);
                html.Append("<span class=\"screen-badge screen-").Append(status.Replace('_', '-')).Append("\">")
                    .Append(encoder.Encode(ScreenBadge.Text(status, written.Deadline))).Append("</span>");
                if (written.SubmittedAt is null && written.Deadline > now && written.Deadline < validUntil)
                {
                    validUntil = written.Deadline; // the badge turns late or expired then
                }
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>");
        return new Rendered(new HtmlString(html.ToString()), validUntil);
    }

    private sealed record Rendered(HtmlString Html, DateTimeOffset ValidUntil);

    private sealed class Variants
    {
        public volatile Rendered? Movable;

        public volatile Rendered? Fixed;
    }
}
