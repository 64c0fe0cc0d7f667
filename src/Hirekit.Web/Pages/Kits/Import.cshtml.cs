using System.Text;
using System.Text.RegularExpressions;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits;

/// <summary>
/// Imports a kit document, uploaded as a file or pasted. A new slug creates a kit; the slug of
/// one of the organisation's own kits adds a version. Problems are listed with file, line and column.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, ValueLengthLimit = RequestLimit)]
public sealed partial class ImportModel(ImportKit import) : KitPageModel
{
    /// <summary>The document's limit plus room for the form's other fields and multipart framing.</summary>
    private const int RequestLimit = ImportKit.MaxBytes + (64 * 1024);

    public const string PastedFileName = "pasted.yaml";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Yaml { get; set; }

    public IActionResult OnGet() => CanEdit ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        string text;
        string fileName;
        if (Upload is { Length: > 0 } upload)
        {
            if (upload.Length > ImportKit.MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), $"The file is larger than {ImportKit.MaxBytes / (1024 * 1024)} MB.");
                return Page();
            }

            using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(ct);
            fileName = Path.GetFileName(upload.FileName) is { Length: > 0 } name ? name : "kit.yaml";
        }
        else if (!string.IsNullOrWhiteSpace(Yaml))
        {
            if (Yaml.Length > ImportKit.MaxBytes)
            {
                ModelState.AddModelError(nameof(Yaml), $"The pasted text is larger than {ImportKit.MaxBytes / (1024 * 1024)} MB.");
                return Page();
            }

            text = Yaml.Replace("\r\n", "\n", StringComparison.Ordinal); // line numbers stay those of the pasted text
            fileName = PastedFileName;
        }
        else
        {
            ModelState.AddModelError(string.Empty, "Choose a YAML file or paste the kit document.");
            return Page();
        }

        var result = await import.HandleAsync(Actor, text, fileName, ct);
        if (!result.IsSuccess)
        {
            if (result.Error!.Kind == ErrorKind.Forbidden)
            {
                return Forbid();
            }

            Problems = Describe(result.Error!, fileName);
            if (Problems.Count == 0)
            {
                AddErrors(result.Error!);
            }

            return Page();
        }

        var r = result.Value;
        Flash = r.Created
            ? $"Imported “{r.Kit.Name}” as a new kit (version {r.Version})."
            : r.Changed ? $"Imported as version {r.Version} of “{r.Kit.Name}”." : $"“{r.Kit.Name}” already has this content (version {r.Version}); nothing changed.";
        return Redirect($"/kits/{r.Kit.Id}");
    }

    /// <summary>Each problem as "file:line:column: field: message"; the error's field values read "line L, column C: message".</summary>
    public static IReadOnlyList<string> Describe(Error error, string fileName)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Fields is not { Count: > 0 } fields)
        {
            return [];
        }

        var lines = new List<(int Line, int Column, string Text)>();
        foreach (var (path, messages) in fields)
        {
            foreach (var message in messages)
            {
                var match = Position().Match(message);
                var (line, column, text) = match.Success
                    ? (int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), match.Groups[3].Value)
                    : (0, 0, message);
                var where = path.Length == 0 ? "" : $"{path}: ";
                lines.Add((line, column, $"{fileName}:{line}:{column}: {where}{text}"));
            }
        }

        return lines.OrderBy(l => l.Line).ThenBy(l => l.Column).Select(l => l.Text).ToList();
    }

    [GeneratedRegex(@"^line (\d+), column (\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Position();
}
