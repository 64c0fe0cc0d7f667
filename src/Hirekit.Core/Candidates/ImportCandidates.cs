using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Candidates;

/// <summary>One row of an import, as read, with everything wrong with it.</summary>
public sealed record ImportRow(int Line, string Name, string Email, string? Phone, IReadOnlyList<string> Links, string Source, int ResumeChars, IReadOnlyList<string> Errors);

public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

    public int ErrorCount => FileErrors.Count + Rows.Sum(r => r.Errors.Count);
}

/// <summary>
/// Imports candidates from CSV: a preview lists every row with its errors, and the import writes
/// all rows in one transaction or none. Columns (header row, any order, case-insensitive): name and
/// email required; phone, links (separated by spaces, commas or semicolons), source and resume_text
/// optional; others are ignored. A row whose e-mail repeats an earlier row or an existing candidate
/// is an error: nothing is half-imported or silently merged.
/// </summary>
public sealed class ImportCandidates(ICandidateStore candidates, TimeProvider time)
{
    public const int MaxRows = 5000;
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] Required = ["name", "email"];

    public async Task<Result<ImportPreview>> PreviewAsync(Actor actor, string csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CandidateAccess.CanManage(actor))
        {
            return CandidateAccess.Forbidden;
        }

        var (rows, fileErrors, cleaned) = Parse(csv ?? "");
        var existing = await candidates.FindEmailsAsync(actor.OrganizationId, cleaned.Where(c => c is not null).Select(c => c!.Email).ToList(), ct);
        var checkedRows = rows.Select((row, i) => cleaned[i] is { } c && existing.ContainsKey(c.Email)
            ? row with { Errors = [.. row.Errors, $"A candidate with {c.Email} already exists."] }
            : row).ToList();
        return new ImportPreview(checkedRows, fileErrors);
    }

    /// <summary>Imports when the preview is clean; otherwise answers 422 with every row's errors and writes nothing.</summary>
    public async Task<Result<int>> HandleAsync(Actor actor, string csv, CancellationToken ct)
    {
        var preview = await PreviewAsync(actor, csv, ct);
        if (!preview.IsSuccess)
        {
            return preview.Error!;
        }

        if (!preview.Value.CanImport)
        {
            return Problems(preview.Value);
        }

        var now = time.GetUtcNow();
        var (_, _, cleaned) = Parse(csv);
        var list = cleaned.Select(c => new Candidate(Ids.New(), actor.OrganizationId, c!.Name, c.Email, c.Phone, c.Links, c.Source, null, c.ResumeText, null, null, now, now)).ToList();
        if (!await candidates.ImportAsync(list, AuditEntry.For(actor, "candidates.imported", "organization", actor.OrganizationId, now, $"{list.Count} from CSV"), ct))
        {
            return Error.Conflict("import.conflict", "Some of these candidates were added meanwhile. Preview again.");
        }

        return list.Count;
    }

    public static Error Problems(ImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var fields = new Dictionary<string, string[]>();
        if (preview.FileErrors.Count > 0)
        {
            fields["file"] = [.. preview.FileErrors];
        }

        foreach (var row in preview.Rows.Where(r => r.Errors.Count > 0))
        {
            fields[$"line {row.Line}"] = [.. row.Errors];
        }

        return Error.Unprocessable("import.invalid", $"Nothing was imported: fix the {preview.ErrorCount} problem(s) listed and try again.", fields);
    }

    private static (List<ImportRow> Rows, List<string> FileErrors, List<CandidateFields.Clean?> Cleaned) Parse(string csv)
    {
        var rows = new List<ImportRow>();
        var cleaned = new List<CandidateFields.Clean?>();
        var fileErrors = new List<string>();
        if (Encoding.UTF8.GetByteCount(csv) > MaxBytes)
        {
            return (rows, [$"The file is larger than {MaxBytes / (1024 * 1024)} MB."], cleaned);
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant().Replace(' ', '_'),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
        };
        using var reader = new CsvReader(new StringReader(csv), config);
        try
        {
            if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
            {
                return (rows, ["The file is empty; the first row must name the columns (name, email, ...)."], cleaned);
            }

            var names = header.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
            foreach (var required in Required.Where(r => !names.Contains(r)))
            {
                fileErrors.Add($"The header has no '{required}' column.");
            }

            if (fileErrors.Count > 0)
            {
                return (rows, fileErrors, cleaned);
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var line = reader.Parser.RawRow;
                if (rows.Count == MaxRows)
                {
                    fileErrors.Add($"The file has more than {MaxRows} rows; split it.");
                    break;
                }

                string? Get(string column) => names.Contains(column) ? reader.GetField(column) : null;
                var links = (Get("links") ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var errors = CandidateFields.Check(new CandidateFields.Input(Get("name"), Get("email"), Get("phone"), links, Get("source") ?? "import", Get("resume_text")), out var clean)
                    .SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"))
                    .ToList();
                if (clean.Email.Length > 0)
                {
                    if (seen.TryGetValue(clean.Email, out var firstLine))
                    {
                        errors.Add($"email: {clean.Email} repeats line {firstLine}.");
                    }
                    else
                    {
                        seen[clean.Email] = line;
                    }
                }

                rows.Add(new ImportRow(line, clean.Name, clean.Email, clean.Phone, clean.Links, clean.Source, clean.ResumeText.Length, errors));
                cleaned.Add(errors.Count == 0 ? clean : null);
            }
        }
        catch (CsvHelperException e)
        {
            fileErrors.Add($"The file is not valid CSV near line {e.Context?.Parser?.RawRow}: {e.Message.Split('\n')[0]}");
        }

        if (rows.Count == 0 && fileErrors.Count == 0)
        {
            fileErrors.Add("The file has a header but no candidates.");
        }

        return (rows, fileErrors, cleaned);
    }
}

/// <summary>
/// Adds a candidate from a JSON Resume document (jsonresume.org schema): basics for the contact
/// details, work, education and skills flattened into searchable resume text.
/// </summary>
public sealed class ImportJsonResume(CreateCandidate create)
{
    public async Task<Result<Candidate>> HandleAsync(Actor actor, string json, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            return Error.Validation("json", $"The file is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("basics", out var basics) || basics.ValueKind != JsonValueKind.Object)
            {
                return Error.Validation("json", "A JSON Resume needs a 'basics' object with name and email.");
            }

            var links = new List<string>();
            if (Text(basics, "url") is { } url)
            {
                links.Add(url);
            }

            links.AddRange(Array(basics, "profiles").Select(p => Text(p, "url")).OfType<string>());
            var resume = new StringBuilder();
            Line(resume, Text(basics, "label"));
            Line(resume, Text(basics, "summary"));
            foreach (var work in Array(root, "work"))
            {
                Line(resume, string.Join(", ", new[] { Text(work, "position"), Text(work, "name") ?? Text(work, "company"), Dates(work) }.Where(s => !string.IsNullOrEmpty(s))));
                Line(resume, Text(work, "summary"));
                foreach (var highlight in Array(work, "highlights"))
                {
                    Line(resume, highlight.ValueKind == JsonValueKind.String ? $"- {highlight.GetString()}" : null);
                }
            }

            foreach (var education in Array(root, "education"))
            {
                Line(resume, string.Join(", ", new[] { Text(education, "studyType"), Text(education, "area"), Text(education, "institution") }.Where(s => !string.IsNullOrEmpty(s))));
            }

            foreach (var skill in Array(root, "skills"))
            {
                var keywords = Array(skill, "keywords").Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString());
                Line(resume, $"{Text(skill, "name")}: {string.Join(", ", keywords)}".Trim(' ', ':'));
            }

            return await create.HandleAsync(actor, new CandidateFields.Input(Text(basics, "name"), Text(basics, "email"), Text(basics, "phone"), links.Take(CandidateFields.MaxLinks).ToList(), "json-resume", resume.ToString()), ct);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Dates(JsonElement work) => Text(work, "startDate") is { } start ? $"{start} to {Text(work, "endDate") ?? "now"}" : null;

    private static void Line(StringBuilder text, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            text.AppendLine(line.Trim());
        }
    }
}

/// <summary>The candidates the actor may see, as CSV (the import columns plus created and applications), page by page.</summary>
public sealed class ExportCandidates(ICandidateStore candidates)
{
    private const int PageSize = 500;

    private static readonly string[] Header = ["name", "email", "phone", "links", "source", "created_at", "applications"];

    public async Task<Result<string>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CandidateAccess.CanManage(actor))
        {
            return CandidateAccess.Forbidden;
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in Header)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        Guid? after = null;
        IReadOnlyList<(Candidate Candidate, int Applications)> page;
        do
        {
            page = await candidates.ExportPageAsync(actor.OrganizationId, after, PageSize, ct);
            foreach (var (c, applications) in page)
            {
                csv.WriteField(c.Name);
                csv.WriteField(c.Email);
                csv.WriteField(c.Phone ?? "");
                csv.WriteField(string.Join(' ', c.Links));
                csv.WriteField(c.Source);
                csv.WriteField(c.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                csv.WriteField(applications);
                await csv.NextRecordAsync();
            }

            after = page.Count == PageSize ? page[^1].Candidate.Id : null;
        }
        while (after is not null);

        await csv.FlushAsync();
        return writer.ToString();
    }
}
