using System.CommandLine;
using Hirekit.Core.Accounts;
using Hirekit.Core.Security;

namespace Hirekit.Cli.Commands;

public static class UserCommands
{
    public static Command Build(CliContext context)
    {
        var org = new Option<string>("--org") { Description = "The organisation's name.", Required = true };
        var email = new Option<string>("--email") { Description = "The user's e-mail address.", Required = true };
        var role = new Option<string>("--role") { Description = "admin, recruiter, hiring_manager or interviewer.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the part of the e-mail before @)." };
        var create = new Command("create", "Create a user in an organisation. The password is read from stdin when piped; otherwise one is generated and printed.")
        {
            org, email, role, name,
        };
        create.SetAction(async (parse, ct) =>
        {
            if (!Roles.TryParse(parse.GetValue(role), out var parsedRole))
            {
                await context.Error.WriteLineAsync("error: --role must be admin, recruiter, hiring_manager or interviewer.");
                return ExitCodes.Refused;
            }

            await context.ReadyAsync(ct);
            var organization = await context.Get<IAccountStore>().FindOrganizationByNameAsync(parse.GetValue(org)!, ct);
            if (organization is null)
            {
                await context.Error.WriteLineAsync($"error: no organisation named '{parse.GetValue(org)}'. Create it with: hirekit orgs create --name \"...\"");
                return ExitCodes.Refused;
            }

            // A piped first line is the password; an interactive terminal or empty input gets a generated one.
            var piped = context.InputRedirected ? (await context.In.ReadLineAsync(ct))?.TrimEnd('\r') : null;
            var generated = piped is null;
            var password = piped ?? SecretToken.Create();
            var result = await context.Get<CreateUser>().HandleAsync(null, new CreateUser.Request(organization.Id, parse.GetValue(email)!, parse.GetValue(name), parsedRole, password), ct);
            if (!result.IsSuccess)
            {
                return await context.RefuseAsync(result.Error!);
            }

            if (result.Value.AddedExistingUser)
            {
                await context.Error.WriteLineAsync($"Added existing user {result.Value.Email} to '{organization.Name}' as {parsedRole.Label()}; their password is unchanged.");
            }
            else if (generated)
            {
                await context.Error.WriteLineAsync($"Created {result.Value.Email} in '{organization.Name}' as {parsedRole.Label()}. Generated password (shown once):");
                await context.Out.WriteLineAsync(password);
            }
            else
            {
                await context.Error.WriteLineAsync($"Created {result.Value.Email} in '{organization.Name}' as {parsedRole.Label()}.");
            }

            return ExitCodes.Ok;
        });

        return new Command("users", "Users and memberships.") { create };
    }
}
