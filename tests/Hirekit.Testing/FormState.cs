using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Hirekit.Testing;

/// <summary>
/// The fields a browser would submit for a server-rendered form, in document order, with repeated
/// names (checkbox groups); disabled fields and buttons are left out, as a browser does. Tests
/// change them and post them back like a person editing the form.
/// </summary>
public sealed class FormState(List<KeyValuePair<string, string>> fields)
{
    public List<KeyValuePair<string, string>> Fields { get; } = fields;

    public static FormState Of(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "file" or "image" or "reset" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (option is not null)
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        return new FormState(fields);
    }

    public IReadOnlyList<string> All(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    public string? Get(string name) => Fields.LastOrDefault(f => f.Key == name).Value;

    /// <summary>Replaces every value of <paramref name="name"/> by <paramref name="value"/>.</summary>
    public FormState Set(string name, string value)
    {
        var index = Fields.FindIndex(f => f.Key == name);
        Fields.RemoveAll(f => f.Key == name);
        Fields.Insert(index < 0 ? Fields.Count : index, new(name, value));
        return this;
    }

    public FormState Remove(string name, string? value = null)
    {
        Fields.RemoveAll(f => f.Key == name && (value is null || f.Value == value));
        return this;
    }

    public FormState Add(string name, string value)
    {
        Fields.Add(new(name, value));
        return this;
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string action) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(Fields));
}
