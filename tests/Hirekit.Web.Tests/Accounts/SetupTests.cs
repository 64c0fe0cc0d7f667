using System.Net;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Testing;
using Hirekit.Web.Hosting;

namespace Hirekit.Web.Tests.Accounts;

/// <summary>First run needs an empty database, so every test here starts its own server.</summary>
public sealed class SetupTests
{
    [Fact]
    public async Task FirstRun_TheConsoleLinkCreatesTheOrganizationAndItsAdminAndSignsIn()
    {
        await using var app = await HirekitApp.StartAsync();
        var token = await SetupTokenAsync(app);
        var browser = app.Browser();

        var response = await Forms.PostAsync(browser, $"/setup?token={token}", Fields("Acme Labs", "ada@acme.test"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var dashboard = await Forms.GetPageAsync(browser, "/");
        Assert.Equal("Welcome, Ada", dashboard.QuerySelector("h1")?.TextContent);
        var org = await app.Get<IAccountStore>().FindOrganizationByNameAsync("Acme Labs", CancellationToken.None);
        Assert.NotNull(org);
        var admin = Assert.Single(await app.Get<IAccountStore>().ListMembersAsync(org.Id, CancellationToken.None));
        Assert.Equal((Role.Admin, "ada@acme.test"), (admin.Role, admin.Email));
        var audit = await app.Get<IAuditStore>().ListAsync(org.Id, null, 10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "setup.completed" && e.ActorUserId == admin.UserId);
    }

    [Fact]
    public async Task SetupLink_WorksOnlyOnce()
    {
        await using var app = await HirekitApp.StartAsync();
        var token = await SetupTokenAsync(app);
        await Forms.PostAsync(app.Browser(), $"/setup?token={token}", Fields("First Org", "first@example.test"));

        var page = await Forms.GetPageAsync(app.Browser(), $"/setup?token={token}");

        Assert.Contains("not valid", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Form.OrganizationName']"));
        Assert.Null(await app.Get<IAccountStore>().FindUserByEmailAsync("second@example.test", CancellationToken.None));
    }

    [Fact]
    public async Task SetupLink_ExpiresAfterOneHour()
    {
        await using var app = await HirekitApp.StartAsync();
        var token = await SetupTokenAsync(app);
        var browser = app.Browser();
        var form = await Forms.GetPageAsync(browser, $"/setup?token={token}");
        Assert.NotNull(form.QuerySelector("input[name='Form.OrganizationName']"));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var response = await Forms.SubmitAsync(browser, form, $"/setup?token={token}", Fields("Late Org", "late@example.test"));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not valid", page.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.Get<IAccountStore>().AnyUserAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetupPage_WithAWrongToken_OffersNoForm()
    {
        await using var app = await HirekitApp.StartAsync();
        await SetupTokenAsync(app);

        var page = await Forms.GetPageAsync(app.Browser(), "/setup?token=not-the-token");

        Assert.Null(page.QuerySelector("input[name='Form.OrganizationName']"));
    }

    [Fact]
    public async Task SetupForm_WithInvalidFields_ShowsFieldErrorsAndCreatesNothing()
    {
        await using var app = await HirekitApp.StartAsync();
        var token = await SetupTokenAsync(app);
        var fields = Fields("", "not-an-email");
        fields["Form.Password"] = fields["Form.ConfirmPassword"] = "short";

        var response = await Forms.PostAsync(app.Browser(), $"/setup?token={token}", fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the organisation name", page.QuerySelector("[data-valmsg-for='Form.OrganizationName']")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.Get<IAccountStore>().AnyUserAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhenAUserExists_NoSetupLinkIsIssued()
    {
        await using var app = await HirekitApp.StartAsync();
        await app.NewOrganizationAsync();

        Assert.Null(await app.Get<Hirekit.Core.Setup.IssueSetupToken>().HandleAsync(CancellationToken.None));
    }

    /// <summary>The token the server printed at start-up (printed after the host started, so wait for it).</summary>
    private static async Task<string> SetupTokenAsync(HirekitApp app)
    {
        var service = app.Get<SetupLinkService>();
        for (var i = 0; i < 100 && service.LastToken is null; i++)
        {
            await Task.Delay(50);
        }

        return service.LastToken ?? throw new InvalidOperationException("No setup link was printed.");
    }

    private static Dictionary<string, string> Fields(string org, string email) => new()
    {
        ["Form.OrganizationName"] = org,
        ["Form.DisplayName"] = "Ada Admin",
        ["Form.Email"] = email,
        ["Form.Password"] = "correct horse battery",
        ["Form.ConfirmPassword"] = "correct horse battery",
    };
}
