using System.Globalization;
using Hirekit.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hirekit.Web.Pages.Kits;

/// <summary>A form field that problems of one kit field land on: its ModelState key and the label people read.</summary>
public sealed record FieldTarget(string Key, string Label);

/// <summary>
/// Turns a draft edit's validation error (fields keyed by kit paths such as
/// <c>questions[3].positive[0]</c>) into messages next to the form's fields and a readable list
/// for the top of the form. Paths outside the edited item stay as they are.
/// </summary>
public static class KitErrors
{
    /// <param name="itemPath">The edited item's kit path, e.g. <c>questions[3]</c> or <c>kit</c>; empty for paths relative to nothing.</param>
    /// <param name="fields">Kit field paths below the item, without list indexes (<c>positive</c>, <c>descriptors.junior</c>), to their form fields.</param>
    public static IReadOnlyList<string> Apply(ModelStateDictionary modelState, Error error, string itemPath, IReadOnlyDictionary<string, FieldTarget> fields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fields);
        if (error.Fields is not { Count: > 0 } problems)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var (rawPath, messages) in problems)
        {
            var path = WithoutFile(rawPath);
            var (target, item) = Resolve(path, itemPath, fields);
            foreach (var message in messages)
            {
                if (target is null)
                {
                    lines.Add(path.Length == 0 ? message : $"{path}: {message}");
                    continue;
                }

                var where = item is { } n ? string.Create(CultureInfo.InvariantCulture, $", item {n}") : "";
                modelState.AddModelError(target.Key, item is { } i ? string.Create(CultureInfo.InvariantCulture, $"Item {i}: {message}") : message);
                lines.Add($"{target.Label}{where}: {message}");
            }
        }

        return lines;
    }

    /// <summary>Paths may name the document first ("draft:questions[3].positive"); the form only needs the path.</summary>
    private static string WithoutFile(string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && path.AsSpan(0, colon).IndexOfAny('[', '.') < 0 ? path[(colon + 1)..] : path;
    }

    private static (FieldTarget? Target, int? Item) Resolve(string path, string itemPath, IReadOnlyDictionary<string, FieldTarget> fields)
    {
        string rest;
        if (itemPath.Length == 0)
        {
            rest = path;
        }
        else if (path == itemPath)
        {
            rest = "";
        }
        else if (path.StartsWith(itemPath + ".", StringComparison.Ordinal))
        {
            rest = path[(itemPath.Length + 1)..];
        }
        else
        {
            return (null, null);
        }

        var segments = rest.Length == 0 ? [""] : rest.Split('.');
        for (var count = segments.Length; count >= 1; count--)
        {
            var key = string.Join('.', segments.Take(count).Select(StripIndex));
            if (fields.TryGetValue(key, out var target))
            {
                return (target, IndexOf(segments[count - 1]) is { } index ? index + 1 : null);
            }
        }

        return (null, null);
    }

    private static string StripIndex(string segment) => segment.IndexOf('[', StringComparison.Ordinal) is var at and >= 0 ? segment[..at] : segment;

    private static int? IndexOf(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        var close = segment.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(segment.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
