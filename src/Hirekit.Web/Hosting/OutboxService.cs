using Hirekit.Core.Mail;
using Hirekit.Data.Mail;

namespace Hirekit.Web.Hosting;

/// <summary>
/// Runs the outbox dispatcher: at once when a write queued mail (the signal), and every
/// <c>Hirekit:Mail:PollSeconds</c> (default 10) for retries, mail queued by other instances and
/// anything left over from before a restart.
/// </summary>
public sealed class OutboxService(OutboxDispatcher dispatcher, IConfiguration configuration, ILogger<OutboxService> logger) : BackgroundService, IOutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled; one wake-up covers every message queued so far.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue($"{HirekitWebOptions.Section}:Mail:PollSeconds", 10), 1, 3600));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                await _wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher retries on the next poll; a database hiccup must not stop mail for good.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Outbox dispatch failed");
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
