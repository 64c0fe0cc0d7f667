using Hirekit.Core.Kits.Format;
using Hirekit.Testing;

namespace Hirekit.Cli.Tests;

public sealed class KitCommandsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private static string ShippedKit => Path.Combine(AppContext.BaseDirectory, "content", "kits", "backend-developer");

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Validate_TheShippedKit_SaysValidWithItsSize()
    {
        var outcome = await CliRun.RunAsync(_db, null, "kits", "validate", ShippedKit);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("valid. 3 areas, 12 competencies", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ABrokenKit_ListsFileLineAndFieldAndExitsWith2()
    {
        var folder = Path.Combine(_db.Directory, "broken-kit");
        CopyDirectory(ShippedKit, folder);
        var traits = Path.Combine(folder, "traits.yaml");
        await File.WriteAllTextAsync(traits, (await File.ReadAllTextAsync(traits)).Replace("id: ownership", "id: Ownership!", StringComparison.Ordinal));

        var outcome = await CliRun.RunAsync(_db, null, "kits", "validate", folder);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.Out.Split('\n'), line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^traits\.yaml:\d+:\d+: traits\[\d+\]\.id: 'Ownership!' is not a valid id"));
        Assert.Contains("unknown trait 'ownership'", outcome.Out, StringComparison.Ordinal); // the questions that referred to it
    }

    [Fact]
    public async Task Export_WritesOneDocumentThatLoadsAsTheSameKit()
    {
        var file = Path.Combine(_db.Directory, "exported.yaml");

        var outcome = await CliRun.RunAsync(_db, null, "kits", "export", ShippedKit, "--out", file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(KitLoader.LoadDirectory(ShippedKit).Kit, KitLoader.LoadFile(file).Kit);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
