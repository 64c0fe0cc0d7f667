using System.Net;
using Dapper;
using Hirekit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hirekit.Web.Tests.Hosting;

/// <summary>Two server instances on one database behave as one: behind a load balancer, any instance serves any request.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task AFormLoadedFromOneInstance_CanBePostedToAnother_AndTheSessionWorksOnBoth()
    {
        await using var first = await HirekitApp.StartAsync();
        await using var second = HirekitApp.StartOn(first.Database);
        var member = await first.NewOrganizationAsync();
        var noCookies = new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false };

        var form = await first.CreateClient(noCookies).GetAsync(new Uri("/signin", UriKind.Relative));
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hirekit_af=", StringComparison.Ordinal)).Split(';')[0];
        var toSecond = second.CreateClient(noCookies);
        toSecond.DefaultRequestHeaders.Add("Cookie", antiforgeryCookie);
        var signedIn = await Forms.SubmitAsync(toSecond, await Forms.ParseAsync(form), "/signin", new() { ["Form.Email"] = member.Email, ["Form.Password"] = HirekitApp.Password });
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hirekit_session=", StringComparison.Ordinal)).Split(';')[0];
        var onFirst = first.CreateClient(noCookies);
        onFirst.DefaultRequestHeaders.Add("Cookie", session);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        await using var connection = await first.Database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys"));
    }
}
