using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using static Hirekit.Web.Tests.Candidates.CandidatesApiTests;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Candidates;

/// <summary>
/// The board's cards are cached under the job's pipeline version (ADR 22). Every test reads the
/// board before each change, so the change must be seen through a warm cache.
/// </summary>
public sealed class PipelineCacheTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task AnUnchangedBoard_IsServedFromTheCacheWithOneStatementFewer()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        await CandidateWithApplicationAsync(api, "Cached Once", jobId);

        var first = await BoardAsync(api, jobId);
        var second = await BoardAsync(api, jobId);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Queries - 1, second.Queries);
    }

    [Fact]
    public async Task ApplyingMovingWithdrawingAndMerging_AreSeenThroughAWarmCache()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (jobId, stages) = await PipelineApiTests.JobWithLoopAsync(api);
        var ann = await CandidateWithApplicationAsync(api, "Ann Applied", jobId);
        await BoardAsync(api, jobId);

        var ben = await CandidateWithApplicationAsync(api, "Ben Newcomer", jobId);
        var afterApply = await BoardAsync(api, jobId);
        await api.PostAsJsonAsync($"/api/v1/applications/{ann.Application}/move", new { stage = "loop", stageId = stages[0] });
        var afterMove = await BoardAsync(api, jobId);
        await api.PostAsJsonAsync($"/api/v1/applications/{ben.Application}/withdraw", new { note = "Took another offer" });
        var afterWithdraw = await BoardAsync(api, jobId);
        var duplicate = await CreateCandidateAsync(api, "Ann Duplicate");
        var merged = await api.PostAsJsonAsync($"/api/v1/candidates/{duplicate}/merge", new { sourceCandidateId = ann.Candidate });
        var afterMerge = await BoardAsync(api, jobId);

        Assert.Equal(["Ben Newcomer", "Ann Applied"], Names(afterApply, "Applied"));
        Assert.Equal(["Ben Newcomer"], Names(afterMove, "Applied"));
        Assert.Equal(["Ann Applied"], Names(afterMove, stages[0]));
        Assert.Empty(Names(afterWithdraw, "Applied"));
        Assert.Equal(["Ben Newcomer"], Names(afterWithdraw, "Withdrawn"));
        Assert.Equal(1, Column(afterWithdraw, "Withdrawn").GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(["Ann Duplicate"], Names(afterMerge, stages[0]));
        Assert.Equal(duplicate, Column(afterMerge, stages[0]).GetProperty("cards")[0].GetProperty("candidateId").GetGuid());
    }

    [Fact]
    public async Task ChangesMadeOutsideTheUseCases_AreSeenToo()
    {
        // The version is raised by database triggers, so an operator's SQL or a future write
        // path that forgets the cache cannot leave a stale board behind.
        var member = await App.NewOrganizationAsync(Role.Admin);
        var api = App.Api(await App.TokenForAsync(member));
        var (jobId, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var kept = await CandidateWithApplicationAsync(api, "Cora Before", jobId);
        var removed = await CandidateWithApplicationAsync(api, "Dan Removed", jobId);
        await BoardAsync(api, jobId);

        await using (var connection = await App.Database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE candidates SET name = 'Cora Renamed' WHERE id = @Id", new { Id = kept.Candidate });
        }

        var afterRename = await BoardAsync(api, jobId);
        await using (var connection = await App.Database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM application_events WHERE application_id = @Id", new { Id = removed.Application });
            await connection.ExecuteAsync("DELETE FROM applications WHERE id = @Id", new { Id = removed.Application });
        }

        var afterDelete = await BoardAsync(api, jobId);

        Assert.Equal(["Dan Removed", "Cora Renamed"], Names(afterRename, "Applied"));
        Assert.Equal(["Cora Renamed"], Names(afterDelete, "Applied"));
    }

    [Fact]
    public async Task OneJobsChange_LeavesAnotherJobsCachedBoardAlone()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (quiet, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var (busy, _) = await PipelineApiTests.JobWithLoopAsync(api);
        await CandidateWithApplicationAsync(api, "Quiet One", quiet);
        var warm = await BoardAsync(api, quiet);
        await BoardAsync(api, quiet);

        await CandidateWithApplicationAsync(api, "Busy One", busy);
        var quietAgain = await BoardAsync(api, quiet);

        Assert.Equal(warm.Queries - 1, quietAgain.Queries);
        Assert.Equal(warm.Body, quietAgain.Body);
    }

    private static async Task<(string Body, int Queries)> BoardAsync(HttpClient api, Guid jobId)
    {
        var response = await api.GetAsync(new Uri($"/api/v1/jobs/{jobId}/pipeline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), Queries(response));
    }

    private static JsonElement Column((string Body, int Queries) board, string name) =>
        JsonDocument.Parse(board.Body).RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static JsonElement Column((string Body, int Queries) board, Guid stageId) =>
        JsonDocument.Parse(board.Body).RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("stageId").ValueKind == JsonValueKind.String && c.GetProperty("stageId").GetGuid() == stageId);

    private static List<string> Names((string Body, int Queries) board, string name) => CardNames(Column(board, name));

    private static List<string> Names((string Body, int Queries) board, Guid stageId) => CardNames(Column(board, stageId));

    private static List<string> CardNames(JsonElement column) =>
        column.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("candidateName").GetString()!).ToList();
}
