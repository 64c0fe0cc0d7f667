using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hirekit.Web.Pages.Shared;

/// <summary>One line of a form's error summary: the message and, when the error belongs to a field, the id of that field.</summary>
public sealed record FormError(string? Anchor, string Message);

public static class FormErrors
{
    /// <summary>
    /// Every error of the form for the summary at its top: form-level errors (empty key) first and
    /// without a link, then field errors in <paramref name="order"/> (the order of the fields on the
    /// page; keys not listed come last, in the order they were added), each linked to its field (<paramref name="anchor"/> maps a
    /// key to an element id) and worded by <paramref name="describe"/> when the field's own message
    /// needs the field's context.
    /// </summary>
    public static IReadOnlyList<FormError> Summary(
        ModelStateDictionary modelState,
        Func<string, string?> anchor,
        IReadOnlyList<string> order,
        Func<string, string, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(order);
        int Position(string key)
        {
            if (key.Length == 0)
            {
                return -1;
            }

            for (var i = 0; i < order.Count; i++)
            {
                if (order[i] == key)
                {
                    return i;
                }
            }

            return order.Count;
        }

        return modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(entry.Key)) // stable: keys not listed keep the order they were added in
            .SelectMany(entry => entry.Value!.Errors.Select(e => entry.Key.Length == 0
                ? new FormError(null, e.ErrorMessage)
                : new FormError(anchor(entry.Key), describe?.Invoke(entry.Key, e.ErrorMessage) ?? e.ErrorMessage)))
            .ToList();
    }

    /// <summary>The id ASP.NET gives the input of a property path: "Form.Title" becomes "Form_Title".</summary>
    public static string IdOf(string key) => (key ?? "").Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
