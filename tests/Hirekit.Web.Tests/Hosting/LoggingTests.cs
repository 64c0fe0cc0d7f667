using Hirekit.Testing;
using Hirekit.Web.Hosting;

namespace Hirekit.Web.Tests.Hosting;

/// <summary>Logs are shipped to other systems: they must never carry passwords, tokens, e-mails or names.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task SetupSignInAndApiUse_LeaveNoSecretOrPersonalDataInTheLogs()
    {
        await using var app = await HirekitApp.StartAsync();
        var service = app.Get<SetupLinkService>();
        for (var i = 0; i < 100 && service.LastToken is null; i++)
        {
            await Task.Delay(50);
        }

        var setupToken = service.LastToken!;
        const string password = "secret setup password";
        var browser = app.Browser();
        await Forms.PostAsync(browser, $"/setup?token={setupToken}", new()
        {
            ["Form.OrganizationName"] = "Umbrella Corp",
            ["Form.DisplayName"] = "Alice Wesker",
            ["Form.Email"] = "alice.wesker@umbrella.test",
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });
        await Forms.PostAsync(app.Browser(), "/signin", new() { ["Form.Email"] = "alice.wesker@umbrella.test", ["Form.Password"] = "a wrong password here" });
        var member = await app.NewOrganizationAsync();
        var apiToken = await app.TokenForAsync(member);
        await app.Api(apiToken).GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        var logs = string.Join("\n", app.Logs.Entries);
        Assert.Contains("HTTP POST setup", logs, StringComparison.Ordinal); // requests are logged...
        foreach (var secret in new[] { setupToken, password, apiToken, "alice.wesker", "Wesker", member.Email })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase); // ...without what they carried
        }
    }
}
