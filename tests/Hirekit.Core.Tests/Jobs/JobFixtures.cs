using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using Hirekit.Core.Tests.Kits;

namespace Hirekit.Core.Tests.Jobs;

internal static class JobFixtures
{
    private static readonly Lazy<Kit> Shipped = new(() => KitLoader.LoadDirectory(KitFixtures.ShippedKitDirectory).Kit!);

    public static Kit ShippedKit => Shipped.Value;

    /// <summary>A complete set of intake answers: a write-heavy, distributed API role for a system designer.</summary>
    public static Dictionary<string, string> Answers() => new()
    {
        ["primary-stack"] = "Go 1.23 with PostgreSQL 16",
        ["distributed-or-monolith"] = "distributed",
        ["database-workload"] = "write-heavy",
        ["api-ownership"] = "owns-contract",
        ["deployment-model"] = "kubernetes",
        ["greenfield-or-legacy"] = "legacy",
        ["expected-seniority"] = "system-designer",
    };

    /// <summary>A description that passes every lint rule for a Senior role in western Europe.</summary>
    public static JobDescription GoodDescription() => new(
        About: "We build the payments ledger for 3,000 merchants.",
        StackPrimary: "Go 1.23, PostgreSQL 16",
        StackDetails: "Kafka for events, Redis for idempotency keys, Kubernetes on GKE.",
        Scale: "40 million ledger entries a day, 2,500 requests per second at peak, p99 under 80 ms.",
        Challenge: "Split the ledger write path from reporting without stopping the world.",
        SuccessCriteria: "By month 6 the write path serves p99 under 50 ms and the nightly reconciliation finishes in 20 minutes.",
        Team: "Five backend engineers, one SRE and a product manager in Berlin and Lisbon.",
        Pay: new PayRange(90_000, 125_000, "EUR"));

    public static JobLintInput Input(JobDescription description, string title = "Senior Backend Engineer", Level level = Level.Senior, string? locationCode = "DE", string? specialisation = "api-generalist", string? region = "western-europe") =>
        new(title, description, level, new JobLocation("Berlin", locationCode, false), specialisation, region);
}
