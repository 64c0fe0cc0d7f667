using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Xunit;

namespace Hirekit.Testing;

/// <summary>
/// An interview whose two interviewers submitted scorecards full of things a candidate must never
/// read (names, notes, evidence, a red flag with its note, a negative indicator), and a recruiter.
/// </summary>
public sealed record FeedbackScenario(InterviewScenario S, HttpClient Recruiter, JsonElement Interview, IReadOnlyList<string> Secrets, string PositiveIndicator)
{
    public HirekitApp App => S.App;

    public static async Task<FeedbackScenario> CreateAsync(HirekitApp app, string firstLevel = "senior", string secondLevel = "mid")
    {
        var s = await InterviewScenario.CreateAsync(app);
        var interview = await s.ScheduledAsync();
        var recruiter = app.Api(await app.TokenForAsync(await app.AddMemberAsync(s.Manager.OrganizationId, Role.Recruiter)));
        var questionId = interview.GetProperty("questions")[0].GetString()!;
        var kitId = await ApiSeed.BuiltInKitIdAsync(recruiter);
        var question = JsonDocument.Parse(await recruiter.GetStringAsync(new Uri($"/api/v1/kits/{kitId}/questions/{questionId}", UriKind.Relative))).RootElement.GetProperty("question");
        var negative = question.GetProperty("negative").EnumerateArray().Select(n => n.GetProperty("text").GetString()!).ToList();
        var positive = question.GetProperty("positive")[0].GetProperty("text").GetString()!;
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        var id = interview.GetProperty("id").GetGuid();
        await SubmitAsync(s.ApiA, id, questionId, focus, firstLevel, "Ana's private note: nervous about caching", "Ana's evidence: quoted the RFC from memory", flag: null);
        await SubmitAsync(s.ApiB, id, questionId, focus, secondLevel, "Ben's private note: reminded me of a former colleague", "Ben's evidence: hesitated on idempotency", flag: "happy-path-only");
        var debrief = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/debrief", UriKind.Relative))).RootElement;
        var flagText = debrief.GetProperty("redFlags")[0].GetProperty("text").GetString()!;
        List<string> secrets =
        [
            "Ana Interviewer", "Ben Interviewer", "Ana's private note", "Ben's private note", "Ana's evidence", "Ben's evidence",
            "Ana's summary", "Ben's summary", "Blamed the framework", flagText, .. negative,
        ];
        return new FeedbackScenario(s, recruiter, interview, secrets, positive);
    }

    public async Task<JsonElement> DraftAsync()
    {
        var response = await Recruiter.PostAsync(new Uri($"/api/v1/applications/{S.ApplicationId}/feedback-report", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<JsonElement> PostAsync(Guid reportId, string action, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Recruiter.PostAsync(new Uri($"/api/v1/feedback-reports/{reportId}/{action}", UriKind.Relative), null);
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Drafts, approves and sends the report; returns its id and the path of the link mailed to the candidate.</summary>
    public async Task<(Guid ReportId, string LinkPath)> SentAsync()
    {
        var reportId = (await DraftAsync()).GetProperty("id").GetGuid();
        await PostAsync(reportId, "approve");
        await PostAsync(reportId, "send");
        return (reportId, await LatestLinkAsync());
    }

    public async Task<string> LatestLinkAsync()
    {
        var mail = (await App.MailToAsync(S.CandidateEmail)).Last(m => m.Subject.Contains("feedback", StringComparison.OrdinalIgnoreCase));
        return new Uri(Regex.Match(mail.Body, @"https?://\S+/r/\S+").Value).PathAndQuery;
    }

    /// <summary>The text of a PDF as poppler's pdftotext reads it, whitespace collapsed.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            return Collapse(text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Collapse(string text) => Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ");

    private static async Task SubmitAsync(HttpClient api, Guid interview, string questionId, IReadOnlyList<string> focus, string level, string note, string evidence, string? flag)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/interviews/{interview}/scorecard/submit", new
        {
            content = new
            {
                questions = new[] { new { questionId, positive = new[] { 0 }, negative = new[] { 0, 1 }, notes = note } },
                ratings = focus.Select(c => new { competencyId = c, level, evidence }),
                redFlags = flag is null ? Array.Empty<string>() : [flag],
                redFlagNote = flag is null ? "" : "Blamed the framework for a bug they introduced.",
                recommendation = "yes",
                summary = note.StartsWith("Ana", StringComparison.Ordinal) ? "Ana's summary: strong" : "Ben's summary: mixed",
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
