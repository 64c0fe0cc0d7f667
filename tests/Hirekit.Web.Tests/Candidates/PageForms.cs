using AngleSharp.Html.Dom;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Candidates;

/// <summary>Submits a page's forms as a browser would: every field the form holds, the given changes, its own antiforgery token.</summary>
internal static class PageForms
{
    public static IHtmlFormElement Form(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}'.");

    /// <summary>The form's fields as a browser sends them, with <paramref name="changes"/> replacing fields of the same name.</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string> changes)
    {
        var state = FormState.Of(form);
        foreach (var name in changes.Keys)
        {
            state.Remove(name);
        }

        state.Fields.AddRange(changes.Where(c => c.Value is not null));
        return state.Fields;
    }

    /// <summary>Posts the form (url-encoded) to its action, or to <paramref name="pageUrl"/> when it has none.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string pageUrl, string selector, Dictionary<string, string>? changes = null)
    {
        var form = Form(page, selector);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(Fields(form, changes ?? [])));
    }

    /// <summary>Posts the form as multipart with one file field.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, IHtmlDocument page, string pageUrl, string selector, string fileField, string fileName, byte[] content, Dictionary<string, string>? changes = null)
    {
        var form = Form(page, selector);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(form, changes ?? []))
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new ByteArrayContent(content), fileField, fileName);
        return client.PostAsync(new Uri(action, UriKind.Relative), body);
    }

    public static string Location(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

    public static async Task<IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage redirect) => await Forms.GetPageAsync(client, Location(redirect));
}
