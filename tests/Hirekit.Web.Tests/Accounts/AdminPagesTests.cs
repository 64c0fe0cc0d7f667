using System.Net;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Accounts;

public sealed class AdminPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Invitation_CreatedOnTheUsersPage_LetsANewPersonJoinWithTheRole()
    {
        var admin = await App.NewOrganizationAsync();
        var adminBrowser = await App.SignedInBrowserAsync(admin);

        var created = await Forms.ParseAsync(await Forms.PostAsync(adminBrowser, "/admin/users", new() { ["Form.Email"] = "Newbie@Example.test", ["Form.Role"] = "hiring_manager" }, action: "/admin/users?handler=Invite"));
        var link = new Uri(created.QuerySelector("#invitation-link")!.TextContent);
        var newcomer = App.Browser();
        var joined = await Forms.PostAsync(newcomer, link.PathAndQuery, new() { ["Form.DisplayName"] = "Nia Newbie", ["Form.Password"] = "a brand new password" });
        var reuse = await Forms.GetPageAsync(App.Browser(), link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("Welcome, Nia", (await Forms.GetPageAsync(newcomer, "/")).QuerySelector("h1")?.TextContent);
        var member = (await App.Get<IAccountStore>().ListMembersAsync(admin.OrganizationId, CancellationToken.None)).Single(m => m.Email == "newbie@example.test");
        Assert.Equal(Role.HiringManager, member.Role);
        Assert.Equal("Invitation not valid", reuse.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Invitation_ForSomeoneWithAnAccountElsewhere_NeedsTheirExistingPassword()
    {
        var other = await App.NewOrganizationAsync(Role.Recruiter);
        var admin = await App.NewOrganizationAsync();
        var invitation = await App.Get<InviteMember>().HandleAsync(admin.Actor, new InviteMember.Request(other.Email, Role.Interviewer), CancellationToken.None);
        var path = $"/invitation/{invitation.Value.Token}";

        var wrong = await Forms.PostAsync(App.Browser(), path, new() { ["Form.Password"] = "some wrong password" });
        var right = await Forms.PostAsync(App.Browser(), path, new() { ["Form.Password"] = HirekitApp.Password });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.NotNull(await App.Get<IAccountStore>().FindMemberAsync(admin.OrganizationId, other.UserId, CancellationToken.None));
        await App.SignedInBrowserAsync(other); // their password is unchanged
    }

    [Fact]
    public async Task RoleChangeAndDeactivation_OnTheUsersPage_TakeEffectAndAreAudited()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(admin);
        var page = await Forms.GetPageAsync(browser, "/admin/users");

        var role = await Forms.SubmitAsync(browser, page, $"/admin/users?handler=Role&userId={interviewer.UserId}", new() { ["role"] = "recruiter" });
        var deactivate = await Forms.SubmitAsync(browser, page, $"/admin/users?handler=Active&userId={interviewer.UserId}&active=false", []);
        var after = await Forms.GetPageAsync(browser, "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        var member = await App.Get<IAccountStore>().FindMemberAsync(admin.OrganizationId, interviewer.UserId, CancellationToken.None);
        Assert.Equal((Role.Recruiter, false), (member!.Role, member.IsActive));
        Assert.Contains("deactivated", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        var actions = (await App.Get<IAuditStore>().ListAsync(admin.OrganizationId, null, 50, CancellationToken.None)).Select(e => e.Action).ToList();
        Assert.Contains("member.role_changed", actions);
        Assert.Contains("member.deactivated", actions);
    }

    [Fact]
    public async Task TheLastAdmin_CannotBeDemotedFromTheUsersPage()
    {
        var admin = await App.NewOrganizationAsync();
        var browser = await App.SignedInBrowserAsync(admin);
        var page = await Forms.GetPageAsync(browser, "/admin/users");

        await Forms.SubmitAsync(browser, page, $"/admin/users?handler=Role&userId={admin.UserId}", new() { ["role"] = "interviewer" });
        var after = await Forms.GetPageAsync(browser, "/admin/users");

        Assert.Contains("at least one active admin", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Role.Admin, (await App.Get<IAccountStore>().FindMemberAsync(admin.OrganizationId, admin.UserId, CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task TokensPage_ShowsANewTokenOnceAndRevokesIt()
    {
        var member = await App.NewOrganizationAsync(Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(member);

        var created = await Forms.ParseAsync(await Forms.PostAsync(browser, "/account/tokens", new() { ["Form.Name"] = "laptop script", ["Form.ExpiresInDays"] = "30" }, action: "/account/tokens?handler=Create"));
        var token = created.QuerySelector("#new-token")!.TextContent;
        var listed = await Forms.GetPageAsync(browser, "/account/tokens");
        Assert.Null(listed.QuerySelector("#new-token"));
        Assert.DoesNotContain(token, listed.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.Api(token).GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var revokeForm = listed.QuerySelector("form[action*='handler=Revoke']")!.GetAttribute("action")!;
        await Forms.SubmitAsync(browser, listed, revokeForm, []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Api(token).GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Contains("revoked", (await Forms.GetPageAsync(browser, "/account/tokens")).QuerySelector("tbody")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_ListsWhatHappenedNewestFirst()
    {
        var admin = await App.NewOrganizationAsync();
        await App.TokenForAsync(admin);
        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(admin), "/admin/audit");

        var actions = page.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.TextContent).ToList();

        Assert.Equal("session.signed_in", actions[0]);
        Assert.Contains("api_token.created", actions);
        Assert.Equal("organization.created", actions[^1]);
    }
}
