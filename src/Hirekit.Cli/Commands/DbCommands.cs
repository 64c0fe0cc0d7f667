using System.CommandLine;
using Hirekit.Data.Connections;
using Hirekit.Data.Migrations;

namespace Hirekit.Cli.Commands;

public static class DbCommands
{
    public static Command Build(CliContext context)
    {
        var migrate = new Command("migrate", "Apply pending database migrations (the server also does this at start-up).");
        migrate.SetAction(async (_, ct) =>
        {
            var runner = context.Get<MigrationRunner>();
            await context.Error.WriteLineAsync($"database: {context.Get<IDbConnectionFactory>().Describe()}");
            var applied = await runner.ApplyAsync(ct);
            await context.Out.WriteLineAsync(applied.Count == 0
                ? $"Schema is current ({runner.Available.Count} migrations)."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}"))}.");
            return ExitCodes.Ok;
        });

        return new Command("db", "Database administration.") { migrate };
    }
}
