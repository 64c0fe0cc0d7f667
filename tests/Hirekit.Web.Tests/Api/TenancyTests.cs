using System.Net;
using System.Text;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Api;

/// <summary>A member of organisation A gets 404 for anything of organisation B: not 403, which would confirm it exists.</summary>
public sealed class TenancyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task AdminOfA_GetsNotFoundForEverythingOfB()
    {
        var adminA = await App.NewOrganizationAsync();
        var adminB = await App.NewOrganizationAsync();
        var memberB = await App.AddMemberAsync(adminB.OrganizationId, Role.Recruiter);
        await App.TokenForAsync(adminB);
        var tokenOfB = (await App.Get<ListApiTokens>().HandleAsync(adminB.Actor, CancellationToken.None)).Single().Id;
        var api = App.Api(await App.TokenForAsync(adminA));
        var json = new StringContent("{\"role\": \"admin\"}", Encoding.UTF8, "application/json");

        var answers = new[]
        {
            await api.GetAsync(new Uri($"/api/v1/members/{memberB.UserId}", UriKind.Relative)),
            await api.PutAsync(new Uri($"/api/v1/members/{memberB.UserId}/role", UriKind.Relative), json),
            await api.PostAsync(new Uri($"/api/v1/members/{memberB.UserId}/deactivate", UriKind.Relative), null),
            await api.DeleteAsync(new Uri($"/api/v1/tokens/{tokenOfB}", UriKind.Relative)),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var untouched = await App.Get<IAccountStore>().FindMemberAsync(adminB.OrganizationId, memberB.UserId, CancellationToken.None);
        Assert.Equal((Role.Recruiter, true), (untouched!.Role, untouched.IsActive));
        Assert.Null((await App.Get<ListApiTokens>().HandleAsync(adminB.Actor, CancellationToken.None)).Single().RevokedAt);
    }

    [Fact]
    public async Task ListsOfA_NeverContainAnythingOfB()
    {
        var adminA = await App.NewOrganizationAsync();
        var adminB = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(adminA));

        var members = await api.GetStringAsync(new Uri("/api/v1/members", UriKind.Relative));
        var audit = await api.GetStringAsync(new Uri("/api/v1/audit", UriKind.Relative));

        Assert.Contains(adminA.Email, members, StringComparison.Ordinal);
        Assert.DoesNotContain(adminB.Email, members, StringComparison.Ordinal);
        Assert.DoesNotContain(adminB.UserId.ToString(), audit, StringComparison.Ordinal);
        Assert.DoesNotContain(adminB.OrganizationId.ToString(), audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPagesOfA_CannotChangeMembersOfB()
    {
        var adminA = await App.NewOrganizationAsync();
        var adminB = await App.NewOrganizationAsync();
        var memberB = await App.AddMemberAsync(adminB.OrganizationId, Role.Interviewer);
        var browser = await App.SignedInBrowserAsync(adminA);
        var page = await Forms.GetPageAsync(browser, "/admin/users");

        await Forms.SubmitAsync(browser, page, $"/admin/users?handler=Role&userId={memberB.UserId}", new() { ["role"] = "admin" });
        await Forms.SubmitAsync(browser, page, $"/admin/users?handler=Active&userId={memberB.UserId}&active=false", []);

        var untouched = await App.Get<IAccountStore>().FindMemberAsync(adminB.OrganizationId, memberB.UserId, CancellationToken.None);
        Assert.Equal((Role.Interviewer, true), (untouched!.Role, untouched.IsActive));
    }
}
