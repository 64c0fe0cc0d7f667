using System.Net;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Interviews;

/// <summary>The outbox across restarts and instances: what was queued is sent, and sent once.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task QueuedMail_SurvivesARestart_AndTwoInstancesSendEachMessageOnce()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var mailDirectory = Path.Combine(database.Directory, "mail");
        Guid[] queued;
        await using (var first = HirekitApp.StartOn(database, new Dictionary<string, string?>
        {
            // A mail server that is down: nothing can be delivered before the restart.
            ["Hirekit:Mail:Smtp:Host"] = "127.0.0.1",
            ["Hirekit:Mail:Smtp:Port"] = "9",
            ["Hirekit:Mail:Smtp:UseTls"] = "false",
        }))
        {
            var s = await InterviewScenario.CreateAsync(first);
            Assert.Equal(HttpStatusCode.Created, (await s.ScheduleAsync(s.Tomorrow(10))).StatusCode);
            for (var wait = 0; wait < 200 && (await OutboxAsync(database)).Any(m => m.Attempts == 0); wait++)
            {
                // The server's own dispatcher may hold a message's lease while it fails; wait for it.
                await first.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
                await Task.Delay(50);
            }

            queued = (await OutboxAsync(database)).Select(m => m.Id).ToArray();
            Assert.Equal(3, queued.Length); // two interviewers and the candidate
            Assert.All(await OutboxAsync(database), m => Assert.True(m.Attempts >= 1 && m.SentAt is null && m.LastError is not null));
            Assert.Empty(MailDrop.Read(mailDirectory));
        }

        database.Clock.Advance(TimeSpan.FromHours(2)); // past every retry delay
        await using var second = HirekitApp.StartOn(database);
        await using var third = HirekitApp.StartOn(database);
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(
                second.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None),
                third.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        }

        await second.DeliverMailAsync();
        var files = Directory.GetFiles(mailDirectory, "*.eml").Select(f => Guid.Parse(Path.GetFileNameWithoutExtension(f))).Order().ToArray();
        var after = await OutboxAsync(database);
        Assert.Equal(queued.Order(), files);
        Assert.All(after, m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task AMessageThatKeepsFailing_IsRetriedWithGrowingDelays_ThenGivenUp()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var app = HirekitApp.StartOn(database, new Dictionary<string, string?>
        {
            ["Hirekit:Mail:Smtp:Host"] = "127.0.0.1",
            ["Hirekit:Mail:Smtp:Port"] = "9",
            ["Hirekit:Mail:Smtp:UseTls"] = "false",
        });
        var s = await InterviewScenario.CreateAsync(app);
        await s.ScheduleAsync(s.Tomorrow(10), [s.A.UserId], notifyCandidate: false);
        var dispatcher = app.Get<OutboxDispatcher>();

        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < OutboxDispatcher.MaxAttempts + 2; attempt++)
        {
            var message = await SettledAsync(database, dispatcher);
            if (message.FailedAt is not null)
            {
                break;
            }

            delays.Add(message.AvailableAt - database.Clock.GetUtcNow());
            database.Clock.Set(message.AvailableAt);
        }

        var final = Assert.Single(await OutboxAsync(database));
        Assert.NotNull(final.FailedAt);
        Assert.Equal(OutboxDispatcher.MaxAttempts, final.Attempts);
        Assert.Equal(delays.Order(), delays); // never shorter than the one before
        Assert.True(delays[^1] > delays[0]);
        Assert.Contains("Smtp", final.LastError, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Dispatches, then waits until no dispatcher (the server's own included) holds the message.</summary>
    private static async Task<OutboxRow> SettledAsync(TestDatabase database, OutboxDispatcher dispatcher)
    {
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        for (var wait = 0; wait < 200; wait++)
        {
            var message = Assert.Single(await OutboxAsync(database));
            if (message.ClaimedUntil is null)
            {
                return message;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The message stayed claimed.");
    }

    private static async Task<List<OutboxRow>> OutboxAsync(TestDatabase database)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<OutboxRow>("SELECT id, attempts, available_at, claimed_until, sent_at, failed_at, last_error FROM outbox_messages ORDER BY id")).ToList();
    }

    private sealed class OutboxRow
    {
        public Guid Id { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset AvailableAt { get; init; }

        public DateTimeOffset? ClaimedUntil { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public DateTimeOffset? FailedAt { get; init; }

        public string? LastError { get; init; }
    }
}
