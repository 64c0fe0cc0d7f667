using System.Net;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Api;

public sealed class RoleAuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Theory]
    [InlineData(Role.Recruiter)]
    [InlineData(Role.HiringManager)]
    [InlineData(Role.Interviewer)]
    public async Task AdminApis_RefuseOtherRolesWith403(Role role)
    {
        var admin = await App.NewOrganizationAsync();
        var member = await App.AddMemberAsync(admin.OrganizationId, role);
        var api = App.Api(await App.TokenForAsync(member));

        foreach (var path in new[] { "/api/v1/audit", "/api/v1/members", $"/api/v1/members/{admin.UserId}" })
        {
            var response = await api.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("auth.forbidden", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task AdminPages_ShowAForbiddenPageToOtherRoles()
    {
        var admin = await App.NewOrganizationAsync();
        var browser = await App.SignedInBrowserAsync(await App.AddMemberAsync(admin.OrganizationId, Role.Recruiter));

        var response = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have access", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Navigation_OffersAdminPagesToAdminsOnly()
    {
        var admin = await App.NewOrganizationAsync();
        var adminNav = await Forms.GetPageAsync(await App.SignedInBrowserAsync(admin), "/");
        var interviewerNav = await Forms.GetPageAsync(await App.SignedInBrowserAsync(await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer)), "/");

        Assert.NotNull(adminNav.QuerySelector(".nav-wide a[href='/admin/users']"));
        Assert.Null(interviewerNav.QuerySelector(".nav-wide a[href='/admin/users']"));
        Assert.NotNull(interviewerNav.QuerySelector(".nav-wide a[href='/']"));
    }
}
