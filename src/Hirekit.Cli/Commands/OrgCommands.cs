using System.CommandLine;
using Hirekit.Core.Accounts;

namespace Hirekit.Cli.Commands;

public static class OrgCommands
{
    public static Command Build(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The organisation's name.", Required = true };
        var create = new Command("create", "Create an organisation.") { name };
        create.SetAction(async (parse, ct) =>
        {
            await context.ReadyAsync(ct);
            var result = await context.Get<CreateOrganization>().HandleAsync(new CreateOrganization.Request(parse.GetValue(name)!), ct);
            if (!result.IsSuccess)
            {
                return await context.RefuseAsync(result.Error!);
            }

            await context.Out.WriteLineAsync($"Created organisation '{result.Value.Name}' ({result.Value.Id}).");
            return ExitCodes.Ok;
        });

        return new Command("orgs", "Organisations.") { create };
    }
}
