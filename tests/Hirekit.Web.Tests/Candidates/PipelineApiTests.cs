using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using Hirekit.Web.Tests.Jobs;
using static Hirekit.Web.Tests.Candidates.CandidatesApiTests;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Candidates;

public sealed class PipelineApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task MovesAlongTheLoop_AreKeptInTheHistoryWithWhoAndWhen()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(hm));
        var recruiter = App.Api(await App.TokenForAsync(await App.AddMemberAsync(hm.OrganizationId, Role.Recruiter)));
        var (jobId, stages) = await JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(recruiter, "Mover", jobId);

        var first = await MoveAsync(api, application, "loop", stages[0], "Strong CV");
        App.Clock.Advance(TimeSpan.FromHours(1));
        var second = await MoveAsync(api, application, "loop", stages[1]);
        var offer = await MoveAsync(api, application, "offer");
        var details = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}", UriKind.Relative))).RootElement;
        var history = details.GetProperty("history").EnumerateArray().ToList();

        Assert.All(new[] { first, second, offer }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("offer", details.GetProperty("stage").GetString());
        Assert.Equal(["applied", "moved", "moved", "moved"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal(stages[0], history[1].GetProperty("toStageId").GetGuid());
        Assert.Equal("Strong CV", history[1].GetProperty("note").GetString());
        Assert.Equal(hm.DisplayName, history[2].GetProperty("actorName").GetString());
        Assert.True(history[2].GetProperty("occurredAt").GetDateTimeOffset() > history[1].GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task InvalidMoves_AreRefused()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, _) = await JobWithLoopAsync(api);
        var (_, otherStages) = await JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Refused", jobId);

        var otherJobsStage = await MoveAsync(api, application, "loop", otherStages[0]);
        var toRejected = await MoveAsync(api, application, "rejected");
        var badReason = await api.PostAsJsonAsync($"/api/v1/applications/{application}/reject", new { reasonCode = "bad_vibes" });
        var rejected = await api.PostAsJsonAsync($"/api/v1/applications/{application}/reject", new { reasonCode = "skills_gap", note = "No production experience." });
        var afterRejection = await MoveAsync(api, application, "offer");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherJobsStage.StatusCode);
        Assert.Equal("pipeline.stage_not_in_job", (await ApiTokenAuthTests.Problem(otherJobsStage)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toRejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterRejection.StatusCode);
        Assert.Equal("application.closed", (await ApiTokenAuthTests.Problem(afterRejection)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Board_ShowsEveryColumnWithCountsAndCards()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, stages) = await JobWithLoopAsync(api);
        var a = await CandidateWithApplicationAsync(api, "Ann", jobId);
        var b = await CandidateWithApplicationAsync(api, "Ben", jobId);
        await CandidateWithApplicationAsync(api, "Cid", jobId);
        await MoveAsync(api, a.Application, "loop", stages[0]);
        await MoveAsync(api, b.Application, "loop", stages[0]);
        await api.PostAsJsonAsync($"/api/v1/applications/{b.Application}/withdraw", new { note = "Took another offer" });

        var board = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/pipeline", UriKind.Relative))).RootElement.GetProperty("columns").EnumerateArray().ToList();

        Assert.Equal(stages.Count + 5, board.Count);
        Assert.Equal("Applied", board[0].GetProperty("name").GetString());
        Assert.Equal("Withdrawn", board[^1].GetProperty("name").GetString());
        Assert.Equal((1, "Cid"), (board[0].GetProperty("count").GetInt32(), board[0].GetProperty("cards")[0].GetProperty("candidateName").GetString()));
        Assert.Equal((1, "Ann"), (board[1].GetProperty("count").GetInt32(), board[1].GetProperty("cards")[0].GetProperty("candidateName").GetString()));
        Assert.Equal(1, board[^1].GetProperty("count").GetInt32());
        Assert.Equal(0, board[^2].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Board_RunsAFixedNumberOfQueries_At10And1000Applications()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (small, _) = await JobWithLoopAsync(api);
        var (large, _) = await JobWithLoopAsync(api);
        var org = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative))).RootElement.GetProperty("organization").GetProperty("id").GetGuid();
        await BulkSeed.CandidatesAsync(App.Database, org, 10, small, "Small");
        await BulkSeed.CandidatesAsync(App.Database, org, 1000, large, "Large");
        var (warm, _) = await JobWithLoopAsync(api);
        await api.GetAsync(new Uri($"/api/v1/jobs/{warm}/pipeline", UriKind.Relative)); // parses the kit once per process

        // First reads read the cards; second reads find them cached (ADR 22). Both are counted.
        var smallRead = await api.GetAsync(new Uri($"/api/v1/jobs/{small}/pipeline", UriKind.Relative));
        var largeRead = await api.GetAsync(new Uri($"/api/v1/jobs/{large}/pipeline", UriKind.Relative));
        var a = await api.GetAsync(new Uri($"/api/v1/jobs/{small}/pipeline", UriKind.Relative));
        var b = await api.GetAsync(new Uri($"/api/v1/jobs/{large}/pipeline", UriKind.Relative));
        var column = JsonDocument.Parse(await b.Content.ReadAsStringAsync()).RootElement.GetProperty("columns")[0];

        Assert.Equal(Queries(smallRead), Queries(largeRead));
        Assert.Equal(Queries(a), Queries(b));
        Assert.Equal(2, Queries(b)); // commands, each one round trip: the token with its membership; the job with its stages, counts and version (ADR 37)
        Assert.Equal((1000, 20, true), (column.GetProperty("count").GetInt32(), column.GetProperty("cards").GetArrayLength(), column.GetProperty("hasMore").GetBoolean()));
        var last = column.GetProperty("cards")[19].GetProperty("applicationId").GetGuid();
        var more = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{large}/pipeline/applied?before={last}&limit=50", UriKind.Relative))).RootElement;
        Assert.Equal(50, more.GetArrayLength());
    }

    [Fact]
    public async Task ResumeScreen_HintsAtFlagsAndRecordsTheDecision()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(hm));
        var recruiter = App.Api(await App.TokenForAsync(await App.AddMemberAsync(hm.OrganizationId, Role.Recruiter)));
        var (jobId, _) = await JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(recruiter, "Screened", jobId, "Senior engineer. Ran PostgreSQL and MongoDB clusters in production. Designed REST APIs used by 40 partners.");

        var screen = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}/screen", UriKind.Relative))).RootElement;
        var hinted = screen.GetProperty("hints").EnumerateArray().Where(h => h.GetProperty("passages").GetArrayLength() > 0).ToList();
        var flag = hinted.First(h => h.GetProperty("kind").GetString() == "green").GetProperty("flagId").GetString()!;
        var saved = await api.PutAsJsonAsync($"/api/v1/applications/{application}/screen", new { flags = new Dictionary<string, bool> { [flag] = true }, note = "Database depth is real." });
        var unknown = await api.PutAsJsonAsync($"/api/v1/applications/{application}/screen", new { flags = new Dictionary<string, bool> { ["made-up"] = true } });
        var again = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}/screen", UriKind.Relative))).RootElement;

        Assert.Equal(9, screen.GetProperty("hints").GetArrayLength()); // the kit's 5 green and 4 yellow flags
        Assert.Contains(hinted, h => h.GetProperty("passages")[0].GetString()!.Contains("PostgreSQL", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(again.GetProperty("decision").GetProperty("flags").GetProperty(flag).GetBoolean());
        Assert.Equal(hm.DisplayName, again.GetProperty("decision").GetProperty("decidedByName").GetString());
    }

    [Fact]
    public async Task Loop_CannotDropAStageWithCandidatesInIt_AndKeepsThemWhenTheStageStays()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, stages) = await JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Staying", jobId);
        await MoveAsync(api, application, "loop", stages[1]);
        var loop = await LoopAsync(api, jobId);

        var dropped = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/loop", new { stages = loop.Where(st => st.Id != stages[1]) });
        var renamed = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/loop", new { stages = loop.Select(st => st.Id == stages[1] ? st with { Name = "Renamed stage" } : st) });
        var board = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/pipeline", UriKind.Relative))).RootElement.GetProperty("columns")[2];

        Assert.Equal(HttpStatusCode.Conflict, dropped.StatusCode);
        Assert.Equal("loop.stage_in_use", (await ApiTokenAuthTests.Problem(dropped)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("Renamed stage", 1), (board.GetProperty("name").GetString(), board.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Board_FollowsTheLoopsOrder_AfterTheStagesAreReordered()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, stages) = await JobWithLoopAsync(api);
        var (_, application) = await CandidateWithApplicationAsync(api, "Reordered", jobId);
        await MoveAsync(api, application, "loop", stages[0]);
        await api.GetAsync(new Uri($"/api/v1/jobs/{jobId}/pipeline", UriKind.Relative)); // a warm board before the change
        var loop = (await LoopAsync(api, jobId)).AsEnumerable().Reverse().ToList();

        var reordered = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/loop", new { stages = loop });
        var board = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/pipeline", UriKind.Relative))).RootElement.GetProperty("columns").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(loop.Select(st => st.Id), board.Skip(1).Take(stages.Count).Select(c => c.GetProperty("stageId").GetGuid()));
        var first = board.Single(c => c.TryGetProperty("stageId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == stages[0]);
        Assert.Equal((1, "Reordered"), (first.GetProperty("count").GetInt32(), first.GetProperty("cards")[0].GetProperty("candidateName").GetString()));
        Assert.Equal(stages[0], board[stages.Count].GetProperty("stageId").GetGuid()); // the first stage is now the loop's last column
    }

    [Fact]
    public async Task Board_IsReadOnlyByThoseWhoSeeItsJob()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var (jobId, _) = await JobWithLoopAsync(api);
        await CandidateWithApplicationAsync(api, "Seen By Few", jobId);
        var onTeam = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var offTeam = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/team", new { hiringManagers = new[] { onTeam.UserId } });
        var manager = App.Api(await App.TokenForAsync(onTeam));
        var outsider = App.Api(await App.TokenForAsync(offTeam));
        var otherOrganization = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        Task<HttpResponseMessage> Board(HttpClient client, Guid job) => client.GetAsync(new Uri($"/api/v1/jobs/{job}/pipeline", UriKind.Relative));

        await Board(manager, jobId); // the token's first use is recorded (a write), then the board is counted
        var managers = await Board(manager, jobId);

        Assert.Equal(HttpStatusCode.OK, managers.StatusCode);
        Assert.Contains("Seen By Few", await managers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Queries(managers)); // the team check rides in the board's command
        Assert.Equal(HttpStatusCode.NotFound, (await Board(outsider, jobId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Board(otherOrganization, jobId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Board(api, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task AddingTheSameCandidateTwice_Answers409()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, _) = await JobWithLoopAsync(api);
        var (candidate, _) = await CandidateWithApplicationAsync(api, "Twice", jobId);

        var again = await api.PostAsJsonAsync("/api/v1/applications", new { candidateId = candidate, jobId });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application.exists", (await ApiTokenAuthTests.Problem(again)).GetProperty("code").GetString());
    }

    internal static Task<(Guid JobId, List<Guid> Stages)> JobWithLoopAsync(HttpClient api) => ApiSeed.JobWithLoopAsync(api);

    /// <summary>The job's loop as the loop API takes it back (the fields a save needs), in order.</summary>
    private static async Task<List<LoopStageBody>> LoopAsync(HttpClient api, Guid jobId) =>
        JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/loop", UriKind.Relative))).RootElement.GetProperty("stages").EnumerateArray()
            .Select(st => new LoopStageBody(st.GetProperty("id").GetGuid(), st.GetProperty("kind").GetString()!, st.GetProperty("name").GetString()!, st.GetProperty("durationMinutes").GetInt32()))
            .ToList();

    private static Task<HttpResponseMessage> MoveAsync(HttpClient api, Guid application, string stage, Guid? stageId = null, string? note = null) =>
        api.PostAsJsonAsync($"/api/v1/applications/{application}/move", new { stage, stageId, note });

    private sealed record LoopStageBody(Guid Id, string Kind, string Name, int DurationMinutes);
}
