using Dapper;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Hosting;

public sealed class StatisticsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [SqliteFact]
    public async Task OnSqlite_TheServerGivesThePlannerStatisticsSoonAfterStart()
    {
        // SQLite never analyses by itself; without sqlite_stat1 its planner guessed a plan that
        // walked every candidate of the organisation to list a small job (ADR 21).
        await App.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        long tables = 0;
        for (var attempt = 0; attempt < 100 && tables == 0; attempt++)
        {
            await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
            var present = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'");
            tables = present == 0 ? 0 : await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT tbl) FROM sqlite_stat1");
            if (tables == 0)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(tables > 0, "no statistics were gathered");
    }
}
