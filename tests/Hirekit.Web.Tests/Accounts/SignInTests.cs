using System.Net;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hirekit.Web.Tests.Accounts;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsAnHttpOnlyLaxSessionCookieAndRedirects()
    {
        var member = await App.NewOrganizationAsync(Role.Recruiter);

        var response = await Forms.PostAsync(App.Browser(), "/signin?returnUrl=%2Faccount", Credentials(member.Email, HirekitApp.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.OriginalString);
        var cookie = SessionCookie(response);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksTheCookieSecure()
    {
        var member = await App.NewOrganizationAsync();
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await Forms.PostAsync(browser, "/signin", Credentials(member.Email, HirekitApp.Password));

        Assert.Contains("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsAnErrorThatDoesNotRevealWhetherTheEmailExists()
    {
        var member = await App.NewOrganizationAsync();

        var wrongPassword = await Forms.ParseAsync(await Forms.PostAsync(App.Browser(), "/signin", Credentials(member.Email, "not the password")));
        var unknownEmail = await Forms.ParseAsync(await Forms.PostAsync(App.Browser(), "/signin", Credentials("nobody@example.test", "not the password")));

        Assert.Equal("The e-mail or password is not correct.", wrongPassword.QuerySelector(".error-summary p")?.TextContent);
        Assert.Equal(wrongPassword.QuerySelector(".error-summary p")?.TextContent, unknownEmail.QuerySelector(".error-summary p")?.TextContent);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedForFifteenMinutesEvenWithTheRightPassword()
    {
        var member = await App.NewOrganizationAsync();
        for (var i = 0; i < 5; i++)
        {
            await Forms.PostAsync(App.Browser(), "/signin", Credentials(member.Email, $"wrong password {i}"));
        }

        var locked = await Forms.PostAsync(App.Browser(), "/signin", Credentials(member.Email, HirekitApp.Password));
        App.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await Forms.PostAsync(App.Browser(), "/signin", Credentials(member.Email, HirekitApp.Password));
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var unlocked = await Forms.PostAsync(App.Browser(), "/signin", Credentials(member.Email, HirekitApp.Password));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Too many failed attempts", (await Forms.ParseAsync(locked)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var audit = await App.Get<Hirekit.Core.Audit.IAuditStore>().ListAsync(member.OrganizationId, null, 20, CancellationToken.None);
        Assert.Single(audit, e => e.Action == "user.locked_out" && e.EntityId == member.UserId.ToString());
    }

    [Fact]
    public async Task Pages_WithoutASession_RedirectToSignInWithTheReturnAddress()
    {
        var response = await App.Browser().GetAsync(new Uri("/account/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Faccount%2Ftokens", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_NeverRedirectsToAnotherSite()
    {
        var member = await App.NewOrganizationAsync();

        var response = await Forms.PostAsync(App.Browser(), "/signin?returnUrl=https%3A%2F%2Fevil.example%2F", Credentials(member.Email, HirekitApp.Password));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task FormPosts_WithoutTheAntiforgeryToken_AreRejected()
    {
        var member = await App.NewOrganizationAsync();
        var body = new FormUrlEncodedContent(Credentials(member.Email, HirekitApp.Password));

        var response = await App.Browser().PostAsync(new Uri("/signin", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Contains("Set-Cookie") ? response.Headers.GetValues("Set-Cookie").FirstOrDefault(c => c.StartsWith("hirekit_session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal)) : null);
    }

    internal static Dictionary<string, string> Credentials(string email, string password) => new() { ["Form.Email"] = email, ["Form.Password"] = password };

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hirekit_session=", StringComparison.Ordinal));
}
