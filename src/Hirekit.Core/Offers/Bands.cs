using System.Globalization;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Offers;

/// <summary>
/// Checks a base salary against the kit's band for a level and region. When the job's
/// specialisation carries the specialist premium, the band widens to
/// [min × (1 + premium min %), max × (1 + premium max %)], rounded to whole units. The edges
/// belong to the band.
/// </summary>
public static class Bands
{
    public static BandCheck Check(Kit kit, Job job, Level level, string region, int baseSalary)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(job);
        var compensation = kit.Compensation;
        var band = compensation?.Bands.FirstOrDefault(b => b.Level == level && b.Region == region);
        if (compensation is null || band is null)
        {
            return new BandCheck(null, null, false, false, $"The kit publishes no band for {level.Label()} in {RegionName(kit, region)}; an admin approves every offer there.");
        }

        var premium = job.Specialisation is { } s && kit.Specialisations.FirstOrDefault(x => x.Id == s) is { Premium: true };
        var min = premium ? Widen(band.Min, compensation.Premium.MinPercent) : band.Min;
        var max = premium ? Widen(band.Max, compensation.Premium.MaxPercent) : band.Max;
        var within = baseSalary >= min && baseSalary <= max;
        var range = $"{Money(min)} to {Money(max)} {CurrencyOf(kit, region)}";
        var premiumNote = premium ? $" (with the specialist premium of {compensation.Premium.MinPercent.ToString(CultureInfo.InvariantCulture)} to {compensation.Premium.MaxPercent.ToString(CultureInfo.InvariantCulture)} %)" : "";
        var explanation = within
            ? $"Inside the {level.Label()} band for {RegionName(kit, region)}: {range}{premiumNote}."
            : $"{(baseSalary < min ? "Below" : "Above")} the {level.Label()} band for {RegionName(kit, region)}: {range}{premiumNote}. An admin must approve it with a reason.";
        return new BandCheck(min, max, premium, within, explanation);
    }

    public static string? CurrencyOf(Kit kit, string region)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return kit.Compensation?.Regions.FirstOrDefault(r => r.Id == region)?.Currency;
    }

    public static string Money(int amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static int Widen(int amount, decimal percent) => (int)Math.Round(amount * (1 + (percent / 100m)), MidpointRounding.AwayFromZero);

    private static string RegionName(Kit kit, string region) => kit.Compensation?.Regions.FirstOrDefault(r => r.Id == region)?.Name ?? region;
}
