using Hirekit.Testing;

namespace Hirekit.Web.Tests;

/// <summary>One running server per test class; each test creates its own organisation in it.</summary>
public class AppFixture : IAsyncLifetime
{
    public HirekitApp App { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => App = await HirekitApp.StartAsync(Settings);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
