using System.Text;
using Hirekit.Core.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Candidates;

/// <summary>
/// Imports candidates. A CSV file is previewed first: every row, every problem with its line and
/// column, and nothing is written. The confirm form carries the same file back (Base64 in a hidden
/// field, so its bytes and line breaks arrive untouched, under the antiforgery token) and the use
/// case checks all of it again before it writes all rows in one transaction, or none. A JSON
/// Resume file adds one candidate.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(ImportCandidates importCsv, ImportJsonResume importJson) : RecruitingPageModel
{
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>The field names the use case prefixes row messages with.</summary>
    private static readonly string[] Columns = ["name", "email", "phone", "links", "source", "resumeText"];

    /// <summary>The CSV limit as Base64 (4/3 larger) plus room for the other fields and framing.</summary>
    private const int MaxRequestBytes = (ImportCandidates.MaxBytes / 3 * 4) + (256 * 1024);

    /// <summary>How many importable rows the preview lists; rows with problems are always all listed.</summary>
    public const int PreviewRows = 100;

    /// <summary>One problem of a row, with the column it concerns when it names one.</summary>
    public sealed record RowProblem(int Line, string? Column, string Message);

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    /// <summary>The previewed file, Base64-encoded UTF-8, posted back by the confirm button.</summary>
    [BindProperty]
    public string? CsvData { get; set; }

    [BindProperty]
    public IFormFile? JsonFile { get; set; }

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<RowProblem> Problems { get; private set; } = [];

    public string? FileName { get; private set; }

    public Guid? ExistingCandidateId { get; private set; }

    public IActionResult OnGet() => CanManage ? Page() : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (CsvFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(CsvFile), "Choose a CSV file.");
            return Page();
        }

        if (file.Length > ImportCandidates.MaxBytes)
        {
            ModelState.AddModelError(nameof(CsvFile), $"The file is larger than {ImportCandidates.MaxBytes / (1024 * 1024)} MB; split it.");
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = await reader.ReadToEndAsync(ct);
        return await ShowPreviewAsync(csv, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        string csv;
        try
        {
            csv = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(CsvData ?? ""));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(CsvFile), "The previewed file did not come back intact. Choose it again.");
            return Page();
        }

        if (csv.Length == 0)
        {
            ModelState.AddModelError(nameof(CsvFile), "Choose a CSV file and preview it first.");
            return Page();
        }

        var result = await importCsv.HandleAsync(Actor, csv, ct);
        if (result.IsSuccess)
        {
            Flash = result.Value == 1 ? "Imported 1 candidate." : $"Imported {result.Value} candidates.";
            return Redirect("/candidates");
        }

        if (Refusal(result.Error!) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(string.Empty, result.Error!.Message);
        return await ShowPreviewAsync(csv, ct);
    }

    public async Task<IActionResult> OnPostJsonResumeAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (JsonFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(JsonFile), "Choose a JSON Resume file.");
            return Page();
        }

        if (file.Length > MaxJsonBytes)
        {
            ModelState.AddModelError(nameof(JsonFile), "The file is larger than 1 MB.");
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var result = await importJson.HandleAsync(Actor, await reader.ReadToEndAsync(ct), ct);
        if (result.IsSuccess)
        {
            Flash = $"Added {result.Value.Name} from the JSON Resume.";
            return Redirect($"/candidates/{result.Value.Id}");
        }

        var error = result.Error!;
        if (Refusal(error) is { } refusal)
        {
            return refusal;
        }

        if (error.Code == "candidate.duplicate_email" && Guid.TryParse(error.Fields?.GetValueOrDefault("existingCandidateId")?.FirstOrDefault(), out var existing))
        {
            ExistingCandidateId = existing;
            ModelState.AddModelError(nameof(JsonFile), "A candidate with the resume's e-mail address already exists.");
        }
        else
        {
            var messages = error.Fields is { Count: > 0 } fields
                ? fields.SelectMany(f => f.Value.Select(m => f.Key is "json" ? m : $"{f.Key}: {m}"))
                : [error.Message];
            foreach (var message in messages)
            {
                ModelState.AddModelError(nameof(JsonFile), message);
            }
        }

        return Page();
    }

    private async Task<IActionResult> ShowPreviewAsync(string csv, CancellationToken ct)
    {
        var preview = await importCsv.PreviewAsync(Actor, csv, ct);
        if (!preview.IsSuccess)
        {
            return Refusal(preview.Error!) ?? Forbid();
        }

        Preview = preview.Value;
        Problems = preview.Value.Rows.SelectMany(r => r.Errors.Select(e => Split(r.Line, e))).ToList();
        CsvData = preview.Value.CanImport ? Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) : null;
        ModelState.Remove(nameof(CsvData));
        return Page();
    }

    /// <summary>Row messages read "column: message" when they concern one column; a taken e-mail concerns the e-mail.</summary>
    private static RowProblem Split(int line, string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && Columns.Contains(message[..colon]))
        {
            var column = message[..colon] == "resumeText" ? "resume_text" : message[..colon];
            return new RowProblem(line, column, message[(colon + 2)..]);
        }

        return message.Contains("already exists", StringComparison.Ordinal)
            ? new RowProblem(line, "email", message)
            : new RowProblem(line, null, message);
    }
}
