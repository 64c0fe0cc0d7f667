using System.Diagnostics;
using Hirekit.Core.Kits.Format;
using Xunit.Abstractions;

namespace Hirekit.Core.Tests.Kits;

/// <summary>Measures loading the shipped kit; the target is under 100 ms warm, the assertion only guards against pathologies.</summary>
public sealed class KitLoadPerformanceTests(ITestOutputHelper output)
{
    private const int Runs = 20;

    private const int WarmUpRuns = 10;

    [Fact]
    public void Load_ShippedKitDirectoryAndExport_ParseQuicklyWhenWarm()
    {
        var directory = KitFixtures.ShippedKitDirectory;
        var cold = Stopwatch.StartNew();
        var loaded = KitLoader.LoadDirectory(directory);
        cold.Stop();
        Assert.True(loaded.IsValid);
        var export = KitWriter.ToYaml(loaded.Kit!);
        for (var i = 0; i < WarmUpRuns; i++)
        {
            // Warm means after tiered JIT has optimised the hot paths, as in a long-running server.
            KitLoader.LoadDirectory(directory);
            KitLoader.Parse(export);
        }

        var directoryMs = MedianMilliseconds(() => KitLoader.LoadDirectory(directory));
        var exportMs = MedianMilliseconds(() => KitLoader.Parse(export, "backend-developer.yaml"));
        var writeMs = MedianMilliseconds(() => KitWriter.ToYaml(loaded.Kit!));

        output.WriteLine($"cold directory load (first call, includes JIT): {cold.Elapsed.TotalMilliseconds:F1} ms");
        output.WriteLine($"warm directory load ({Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).Length} files), median of {Runs}: {directoryMs:F1} ms");
        output.WriteLine($"warm single-document export parse ({export.Split('\n').Length} lines), median of {Runs}: {exportMs:F1} ms");
        output.WriteLine($"warm ToYaml, median of {Runs}: {writeMs:F1} ms");
        Assert.InRange(directoryMs, 0, 1000);
        Assert.InRange(exportMs, 0, 1000);
    }

    private static double MedianMilliseconds(Action action)
    {
        var samples = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return samples[Runs / 2];
    }
}
