using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Xunit;

namespace Hirekit.Testing;

/// <summary>An organisation with a job, a candidate in its pipeline and two interviewers, ready to schedule.</summary>
public sealed record InterviewScenario(
    HirekitApp App,
    TestMember Manager,
    HttpClient Api,
    TestMember A,
    HttpClient ApiA,
    TestMember B,
    HttpClient ApiB,
    Guid JobId,
    IReadOnlyList<Guid> Stages,
    Guid CandidateId,
    Guid ApplicationId,
    string CandidateEmail,
    JsonElement CodingStagePlan)
{
    /// <summary>The third stage of the job's loop (the coding interview), which has focus competencies and questions.</summary>
    public Guid CodingStage => Stages[2];

    public static async Task<InterviewScenario> CreateAsync(HirekitApp app, Role managerRole = Role.HiringManager)
    {
        var manager = await app.NewOrganizationAsync(managerRole);
        var api = app.Api(await app.TokenForAsync(manager));
        var a = await app.AddMemberAsync(manager.OrganizationId, Role.Interviewer, "Ana Interviewer");
        var b = await app.AddMemberAsync(manager.OrganizationId, Role.Interviewer, "Ben Interviewer");
        var (jobId, stages) = await ApiSeed.JobWithLoopAsync(api);
        var email = $"cand-{Guid.NewGuid():N}@example.test";
        var candidate = await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Casey Candidate", email });
        Guid candidateId;
        if (candidate.StatusCode == HttpStatusCode.Created)
        {
            candidateId = JsonDocument.Parse(await candidate.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }
        else
        {
            // Hiring managers do not create candidates: a recruiter does.
            var recruiter = app.Api(await app.TokenForAsync(await app.AddMemberAsync(manager.OrganizationId, Role.Recruiter)));
            candidateId = await ApiSeed.CreateCandidateAsync(recruiter, "Casey Candidate", email);
        }

        var application = await api.PostAsJsonAsync("/api/v1/applications", new { candidateId, jobId });
        Assert.True(application.StatusCode == HttpStatusCode.Created, await application.Content.ReadAsStringAsync());
        var applicationId = JsonDocument.Parse(await application.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var loop = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/loop", UriKind.Relative))).RootElement;
        var plan = loop.GetProperty("stages").EnumerateArray().Single(st => st.GetProperty("id").GetGuid() == stages[2]).Clone();
        return new InterviewScenario(app, manager, api, a, app.Api(await app.TokenForAsync(a)), b, app.Api(await app.TokenForAsync(b)), jobId, stages, candidateId, applicationId, email, plan);
    }

    public Task<HttpResponseMessage> ScheduleAsync(DateTimeOffset startsAt, IReadOnlyList<Guid>? interviewers = null, bool allowDoubleBooking = false, Guid? applicationId = null, bool notifyCandidate = true) =>
        Api.PostAsJsonAsync("/api/v1/interviews", new
        {
            applicationId = applicationId ?? ApplicationId,
            stageId = CodingStage,
            startsAt,
            durationMinutes = 60,
            interviewers = interviewers ?? [A.UserId, B.UserId],
            location = "Room 4, Berlin office",
            videoUrl = "https://meet.example.test/abc-defg",
            notifyCandidate,
            allowDoubleBooking,
        });

    /// <summary>Schedules with both interviewers at <paramref name="startsAt"/> (default: tomorrow 10:00) and returns the interview.</summary>
    public async Task<JsonElement> ScheduledAsync(DateTimeOffset? startsAt = null)
    {
        var response = await ScheduleAsync(startsAt ?? Tomorrow(10));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("interview").Clone();
    }

    public DateTimeOffset Tomorrow(int hour) => new(App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    /// <summary>A complete scorecard for the coding stage: every focus competency rated, a recommendation.</summary>
    public static object CompleteScorecard(JsonElement interview, string recommendation = "yes", int? revision = null) => new
    {
        questions = new[] { new { questionId = interview.GetProperty("questions")[0].GetString(), positive = new[] { 0, 1 }, negative = new[] { 0 }, notes = "Walked through retries and keys." } },
        ratings = interview.GetProperty("focus").EnumerateArray().Select((c, i) => i == 0
            ? (object)new { competencyId = c.GetString(), noEvidence = true, evidence = "Not covered." }
            : new { competencyId = c.GetString(), level = "senior", evidence = "Explained the trade-offs unprompted." }).ToArray(),
        redFlags = Array.Empty<string>(),
        recommendation,
        summary = "Solid on API design.",
        revision,
    };
}
