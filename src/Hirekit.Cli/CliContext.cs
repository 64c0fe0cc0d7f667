using Hirekit.Core.Common;
using Hirekit.Data;
using Hirekit.Data.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Hirekit.Cli;

/// <summary>Lazily built services for one CLI run, plus the run's standard streams.</summary>
public sealed class CliContext(IConfiguration configuration, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stdinRedirected) : IAsyncDisposable
{
    private ServiceProvider? _services;

    public TextReader In { get; } = stdin;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public bool InputRedirected { get; } = stdinRedirected;

    public IServiceProvider Services => _services ??= Build();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Every command brings the schema up to date first, as the server does at start-up.</summary>
    public async Task<IServiceProvider> ReadyAsync(CancellationToken ct)
    {
        await Get<MigrationRunner>().ApplyAsync(ct);
        return Services;
    }

    /// <summary>Writes a refused use case's message to stderr and returns the matching exit code.</summary>
    public async Task<int> RefuseAsync(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await Error.WriteLineAsync($"error: {error.Message} ({error.Code})");
        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                await Error.WriteLineAsync($"  {field}: {string.Join(" ", messages)}");
            }
        }

        return ExitCodes.Refused;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        // Logs go to stderr, so stdout carries only results (a token, a password) for scripts.
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft", LogLevel.Warning)
            .SetMinimumLevel(LogLevel.Information));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddHirekitData(HirekitDataServices.ReadDatabaseSettings(configuration), HirekitDataServices.DataDirectory(configuration)).AddHirekitMail(configuration);
        return services.BuildServiceProvider();
    }
}
