using Hirekit.Core.Mail;
using Microsoft.Extensions.Logging;

namespace Hirekit.Data.Mail;

/// <summary>
/// Sends what the outbox holds: claims due messages under a lease, hands each to the transport,
/// and marks it sent. A failure is retried with growing delays (1, 2, 4 ... minutes, at most an
/// hour) and given up after <see cref="MaxAttempts"/>. Several dispatchers (server instances) can
/// run at once; the lease keeps them off each other's messages.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore outbox, IMailTransport transport, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int Batch = 50;

    /// <summary>Sends every due message; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var claimed = await outbox.ClaimDueAsync(now, now + Lease, Batch, ct);
            foreach (var item in claimed)
            {
                if (await SendOneAsync(item, ct))
                {
                    sent++;
                }
            }

            if (claimed.Count < Batch)
            {
                return sent;
            }
        }
    }

    private async Task<bool> SendOneAsync(ClaimedMail item, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(item.Mail, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any transport failure is recorded on the message and retried; it must not stop the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var attempts = item.Attempts + 1;
            var now = time.GetUtcNow();
            DateTimeOffset? retryAt = attempts >= MaxAttempts ? null : now + Backoff(attempts);
            logger.LogWarning("Sending outbox message {MessageId} ({Kind}) failed on attempt {Attempt}: {Error}", item.Mail.Id, item.Mail.Kind, attempts, e.GetType().Name);
            await outbox.MarkFailedAsync(item.Mail.Id, now, retryAt, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            return false;
        }

        await outbox.MarkSentAsync(item.Mail.Id, time.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("Sent outbox message {MessageId} ({Kind})", item.Mail.Id, item.Mail.Kind);
        return true;
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
