using Hirekit.Data.Connections;
using Hirekit.Testing;

namespace Hirekit.Cli.Tests;

/// <summary>Runs the real <c>hirekit</c> command line in process against a test database.</summary>
public static class CliRun
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string Line => Out.Trim();
    }

    public static async Task<Outcome> RunAsync(TestDatabase db, string? stdin, params string[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hirekit:Database:Provider"] = db.Settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Hirekit"] = db.Settings.ConnectionString,
            ["Hirekit:DataDirectory"] = db.Directory,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HirekitCli.RunAsync(args, new StringReader(stdin ?? ""), output, error, stdinRedirected: stdin is not null, settings);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
