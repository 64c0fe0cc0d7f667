using System.CommandLine;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Common;

namespace Hirekit.Cli.Commands;

public static class TokenCommands
{
    public static Command Build(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The user the token acts for.", Required = true };
        var org = new Option<string?>("--org") { Description = "The organisation (default: the user's first active one)." };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "cli" };
        var days = new Option<int?>("--expires-days") { Description = "Lifetime in days (default: until revoked)." };
        var create = new Command("create", "Create a personal API token; prints only the token on stdout.") { email, org, name, days };
        create.SetAction(async (parse, ct) =>
        {
            await context.ReadyAsync(ct);
            var accounts = context.Get<IAccountStore>();
            var user = await accounts.FindUserByEmailAsync(Emails.Normalize(parse.GetValue(email)!), ct);
            if (user is null)
            {
                await context.Error.WriteLineAsync($"error: no user with e-mail '{parse.GetValue(email)}'.");
                return ExitCodes.Refused;
            }

            var memberships = await accounts.ListActiveMembershipsAsync(user.Id, ct);
            Membership? membership;
            if (parse.GetValue(org) is { } orgName)
            {
                var organization = await accounts.FindOrganizationByNameAsync(orgName, ct);
                membership = memberships.FirstOrDefault(m => m.OrganizationId == organization?.Id);
            }
            else
            {
                membership = memberships.Count > 0 ? memberships[0] : null;
            }

            if (membership is null)
            {
                await context.Error.WriteLineAsync("error: the user is not an active member of that organisation.");
                return ExitCodes.Refused;
            }

            var actor = new Actor(user.Id, membership.OrganizationId, membership.Role, user.DisplayName);
            var result = await context.Get<CreateApiToken>().HandleAsync(actor, new CreateApiToken.Request(parse.GetValue(name)!, parse.GetValue(days)), ct);
            if (!result.IsSuccess)
            {
                return await context.RefuseAsync(result.Error!);
            }

            await context.Out.WriteLineAsync(result.Value.Token);
            return ExitCodes.Ok;
        });

        return new Command("tokens", "Personal API tokens.") { create };
    }
}
