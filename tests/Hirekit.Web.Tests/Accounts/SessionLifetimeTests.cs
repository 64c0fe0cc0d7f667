using System.Net;
using System.Net.Http.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Accounts;

public sealed class SessionLifetimeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Session_IdleForThirtyMinutes_Ends()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync());

        App.Clock.Advance(TimeSpan.FromMinutes(29));
        var active = await browser.GetAsync(new Uri("/", UriKind.Relative));
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var idle = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/signin", idle.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_EndsAfterTwelveHoursEvenWhenActive()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync());

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            App.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopiedCookieIsWorthless()
    {
        var (browser, copiedCookie) = await App.SignInAsync(await App.NewOrganizationAsync());
        var dashboard = await Forms.GetPageAsync(browser, "/");

        var signOut = await Forms.SubmitAsync(browser, dashboard, "/signout", []);
        var replay = App.Browser();
        replay.DefaultRequestHeaders.Add("Cookie", $"hirekit_session={copiedCookie}");
        var replayed = await replay.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task DeactivatingAMember_EndsTheirSessionAndBlocksSignIn()
    {
        var admin = await App.NewOrganizationAsync();
        var recruiter = await App.AddMemberAsync(admin.OrganizationId, Role.Recruiter);
        var recruiterBrowser = await App.SignedInBrowserAsync(recruiter);

        var deactivated = await App.Api(await App.TokenForAsync(admin)).PostAsync(new Uri($"/api/v1/members/{recruiter.UserId}/deactivate", UriKind.Relative), null);
        var afterwards = await recruiterBrowser.GetAsync(new Uri("/", UriKind.Relative));
        var signIn = await Forms.ParseAsync(await Forms.PostAsync(App.Browser(), "/signin", SignInTests.Credentials(recruiter.Email, HirekitApp.Password)));

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("not active", signIn.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePassword_EndsOtherSessionsButKeepsThisOne()
    {
        var member = await App.NewOrganizationAsync();
        var here = await App.SignedInBrowserAsync(member);
        var elsewhere = await App.SignedInBrowserAsync(member);

        var changed = await Forms.PostAsync(here, "/account", new()
        {
            ["Form.CurrentPassword"] = HirekitApp.Password,
            ["Form.NewPassword"] = "another long password",
            ["Form.ConfirmPassword"] = "another long password",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var me = await App.Api(await App.TokenForAsync(member)).GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal(member.Email, me!.User.Email);
    }

    private sealed record Me(MeUser User);

    private sealed record MeUser(string Email);
}
