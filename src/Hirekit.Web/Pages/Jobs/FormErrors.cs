using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>One line of a form's error summary: the message and, when the error belongs to a field, the id of that field.</summary>
public sealed record FormError(string? Anchor, string Message);

public static class FormErrors
{
    /// <summary>
    /// Every error of the form, in the order the fields were reported, each linked to its field
    /// (<paramref name="anchor"/> maps a ModelState key to an element id). Form-level errors
    /// (empty key) come first and have no link.
    /// </summary>
    public static IReadOnlyList<FormError> Summary(ModelStateDictionary modelState, Func<string, string?> anchor)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(anchor);
        return modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => entry.Key.Length == 0 ? 0 : 1)
            .SelectMany(entry => entry.Value!.Errors.Select(e => new FormError(entry.Key.Length == 0 ? null : anchor(entry.Key), e.ErrorMessage)))
            .ToList();
    }

    /// <summary>The id ASP.NET gives the input of a property path: "Form.Title" becomes "Form_Title".</summary>
    public static string IdOf(string key) => (key ?? "").Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
