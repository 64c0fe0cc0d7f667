using System.Globalization;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Offers;

/// <summary>The facts a letter states.</summary>
public sealed record OfferLetterFacts(string CandidateName, string JobTitle, string OrganizationName, Level Level, int BaseSalary, string Currency, decimal? EquityPercent, DateOnly StartDate, string SignerName, string Location);

/// <summary>
/// A first draft of the offer letter in Markdown (its sections are level-3 headings, so the letter
/// sits under a page's own headings), from a fixed template filled with the offer's
/// facts. It is a starting point for the person sending it, who edits the wording in their own
/// tools; the facts come from the offer record, so they cannot drift from what was approved.
/// </summary>
public static class OfferLetter
{
    public static string Draft(OfferLetterFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var culture = CultureInfo.InvariantCulture;
        var equity = f.EquityPercent is { } e && e > 0
            ? $"- **Equity:** options over {e.ToString("0.####", culture)} % of the company, on the terms of the company's equity plan.\n"
            : "";
        return $"""
            **Offer of employment**

            Dear {Escape(f.CandidateName)},

            Thank you for the time you gave us during the interviews. We are glad to offer you the role of
            **{Escape(f.JobTitle)}** at {Escape(f.OrganizationName)}, at our {f.Level.Label()} level.

            ### What we offer

            - **Base salary:** {Bands.Money(f.BaseSalary)} {f.Currency} a year, before tax.
            {equity}- **Start date:** {f.StartDate.ToString("d MMMM yyyy", culture)}.
            - **Place of work:** {Escape(f.Location)}.

            ### Next steps

            Please tell us within ten working days whether you accept. If anything here is unclear, or you would
            like to talk it through, reply to this letter and we will find a time.

            We look forward to working with you.

            {Escape(f.SignerName)}
            {Escape(f.OrganizationName)}
            """;
    }

    /// <summary>Keeps names from being read as Markdown (an asterisk in a name stays an asterisk).</summary>
    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is '\\' or '*' or '_' or '`' or '#' or '[' or ']' or '<' or '>' ? $"\\{c}" : c.ToString()));
}
