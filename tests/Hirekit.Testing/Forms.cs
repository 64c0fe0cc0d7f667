using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hirekit.Testing;

/// <summary>Submits server-rendered forms the way a browser does: load the page, keep its antiforgery token, post.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, then posts <paramref name="fields"/> with the page's
    /// antiforgery token to <paramref name="action"/> (default: the page itself).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var page = await GetPageAsync(client, pageUrl);
        return await SubmitAsync(client, page, action ?? pageUrl, fields);
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of an already loaded page.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string action, Dictionary<string, string> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(body));
    }
}
