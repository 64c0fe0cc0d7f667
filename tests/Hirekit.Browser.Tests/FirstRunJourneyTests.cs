using Hirekit.Testing;
using Hirekit.Web.Hosting;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class FirstRunJourneyTests
{
    [Fact]
    public async Task FirstRunSetup_SignOut_SignIn_ReachesTheDashboard()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var token = await WaitForSetupTokenAsync(app);
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync($"{app.BaseUrl}/setup?token={token}");
        await page.GetByLabel("Organisation name").FillAsync("Playwright Labs");
        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("E-mail").FillAsync("grace@playwright.test");
        await page.GetByLabel("Password", new() { Exact = false }).First.FillAsync("a very good password");
        await page.GetByLabel("Repeat password").FillAsync("a very good password");
        await browser.ScreenshotAsync("01-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Grace" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/signin");

        await page.GetByLabel("E-mail").FillAsync("grace@playwright.test");
        await page.GetByLabel("Password").FillAsync("a very good password");
        await browser.ScreenshotAsync("02-signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Grace" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" }).First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("03-dashboard");
        Assert.True(File.Exists(Path.Combine(BrowserSession.ScreenshotDirectory, "03-dashboard.png")));
    }

    [Fact]
    public async Task Dashboard_OnAPhone_UsesTheCompactMenu()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var admin = await app.NewOrganizationAsync();
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;

        await page.GotoAsync($"{app.BaseUrl}/signin");
        await page.GetByLabel("E-mail").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(HirekitApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByText("Menu").ClickAsync();

        await Assertions.Expect(page.Locator(".menu").GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".nav-wide")).ToBeHiddenAsync();
        await browser.ScreenshotAsync("04-phone-menu");
    }

    private static async Task<string> WaitForSetupTokenAsync(HirekitApp app)
    {
        var service = app.Get<SetupLinkService>();
        for (var i = 0; i < 100 && service.LastToken is null; i++)
        {
            await Task.Delay(50);
        }

        return service.LastToken ?? throw new InvalidOperationException("No setup link was printed.");
    }
}
