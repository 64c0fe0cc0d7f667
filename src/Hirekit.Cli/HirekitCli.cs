using System.CommandLine;
using Hirekit.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace Hirekit.Cli;

/// <summary>
/// The <c>hirekit</c> command line. It reads the same settings as the server (appsettings.json,
/// then <c>Hirekit__*</c> and <c>ConnectionStrings__Hirekit</c> environment variables) and calls
/// the same use cases, without HTTP. Results go to stdout, messages to stderr.
/// </summary>
public static class HirekitCli
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stdinRedirected, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? [])
            .Build();
        await using var context = new CliContext(configuration, stdin, stdout, stderr, stdinRedirected);
        var root = new RootCommand("Hirekit: structured hiring. Administration from the command line.")
        {
            DbCommands.Build(context),
            OrgCommands.Build(context),
            UserCommands.Build(context),
            TokenCommands.Build(context),
            KitCommands.Build(context),
            DemoCommands.Build(context),
        };
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>The input was refused (validation, conflict, not found).</summary>
    public const int Refused = 2;
}
