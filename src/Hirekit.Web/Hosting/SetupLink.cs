using Hirekit.Core.Setup;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Hosting;

/// <summary>
/// First run: when no user exists, prints a one-time setup link to the console once the server
/// listens. The link is printed, never logged, because logs are shipped elsewhere.
/// </summary>
public sealed class SetupLinkService(
    IssueSetupToken issue,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<HirekitWebOptions> options,
    ILogger<SetupLinkService> logger) : IHostedService
{
    /// <summary>The last link issued by this process, for tests and the sign-in page hint.</summary>
    public string? LastToken { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = PrintAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync()
    {
        try
        {
            var token = await issue.HandleAsync(lifetime.ApplicationStopping);
            if (token is null)
            {
                return;
            }

            LastToken = token;
            var link = $"{BaseUrl()}/setup?token={token}";
            await Console.Out.WriteLineAsync($"""

                Hirekit is not set up yet. Within the next hour, open this one-time link to create
                your organisation and its first admin:

                    {link}

                """);
            logger.LogInformation("No user exists yet; printed a one-time setup link to the console");
        }
#pragma warning disable CA1031 // A failure here must not take the server down; it is logged and the next start retries.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Could not issue the setup link");
        }
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            return options.Value.PublicUrl.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
