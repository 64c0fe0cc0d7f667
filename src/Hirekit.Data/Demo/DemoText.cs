using System.Globalization;
using System.Text;

namespace Hirekit.Data.Demo;

/// <summary>
/// Generated, plausible text for demo people: names, addresses, resumes, scorecard evidence.
/// Everything comes from small word pools combined by a seeded random source, so a seed always
/// gives the same organisation. No real person is described.
/// </summary>
internal static class DemoText
{
    public static readonly string[] FirstNames =
    [
        "Ada", "Adebayo", "Aiko", "Alejandro", "Amara", "Amir", "Ana", "Anders", "Ania", "Arjun", "Astrid", "Aylin", "Bea", "Bilal", "Bruno",
        "Carmen", "Chen", "Chiara", "Chidi", "Dana", "Daniel", "Dario", "Deepa", "Diego", "Dmitri", "Elif", "Elena", "Emeka", "Emil", "Erik",
        "Esi", "Fatima", "Felix", "Femi", "Fiona", "Gabriel", "Greta", "Hana", "Hamid", "Hiro", "Ines", "Ingrid", "Isaac", "Ivan", "Jada",
        "Jamal", "Jana", "Javier", "Jin", "Joana", "Jonas", "Kai", "Kamala", "Karim", "Kasia", "Kenji", "Kofi", "Lars", "Layla", "Leila",
        "Leon", "Lina", "Luca", "Lucia", "Maya", "Mateo", "Mei", "Mikael", "Milan", "Mira", "Nadia", "Naveen", "Nia", "Nikos", "Noor",
        "Olga", "Omar", "Oscar", "Paolo", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Ruben", "Sade", "Samir", "Sara", "Sven", "Tariq",
        "Thandi", "Tomas", "Uma", "Valentina", "Vikram", "Wen", "Yara", "Yusuf", "Zainab", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Abara", "Acheampong", "Adeyemi", "Aguilar", "Ahmed", "Alves", "Andersen", "Bakker", "Banerjee", "Barros", "Becker", "Bianchi",
        "Borowski", "Brennan", "Castillo", "Chatterjee", "Chen", "Costa", "Dahl", "Demir", "Dimitrov", "Dubois", "Eriksson", "Esposito",
        "Fernandes", "Fischer", "Fontaine", "Garcia", "Gomez", "Gupta", "Haddad", "Hansen", "Hashimoto", "Horvat", "Ibrahim", "Ivanova",
        "Jansen", "Jovanovic", "Kaur", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lindqvist", "Lopez", "Mahlangu", "Martins",
        "Mensah", "Moreau", "Mori", "Murphy", "Nakamura", "Nguyen", "Nielsen", "Novak", "Nowak", "Nwosu", "Okafor", "Okeke", "Olsen",
        "Osei", "Ozturk", "Papadopoulos", "Park", "Patel", "Pereira", "Petrov", "Popescu", "Quinn", "Rahman", "Ramos", "Rao", "Reyes",
        "Rossi", "Sahin", "Sato", "Schmidt", "Silva", "Singh", "Sokolova", "Suzuki", "Tanaka", "Teixeira", "Torres", "Tran", "Udeh",
        "Varga", "Verma", "Vidal", "Wagner", "Walsh", "Wang", "Weber", "Wojcik", "Yamamoto", "Yilmaz", "Zhang", "Zhou", "Zielinski",
    ];

    private static readonly string[] MailDomains = ["example.com", "example.net", "example.org", "mail.example", "post.example"];

    private static readonly string[] Languages = ["Go", "Java", "Kotlin", "C#", "Python", "Rust", "TypeScript", "Elixir", "Scala", "Ruby"];

    private static readonly string[] Stores = ["PostgreSQL", "MySQL", "Redis", "Cassandra", "DynamoDB", "MongoDB", "Elasticsearch", "SQLite", "ClickHouse"];

    private static readonly string[] Tools = ["Kafka", "RabbitMQ", "Kubernetes", "Terraform", "gRPC", "GraphQL", "OpenTelemetry", "Prometheus", "Docker", "AWS", "GCP", "Azure", "NATS", "Temporal"];

    private static readonly string[] Domains = ["payments", "logistics", "health records", "online retail", "ad delivery", "travel booking", "insurance claims", "ride hailing", "banking", "media streaming", "public sector", "gaming", "energy metering", "telecom billing"];

    private static readonly string[] Companies = ["a fintech scale-up", "a regional bank", "a marketplace start-up", "a logistics firm", "an online grocer", "a travel platform", "a games studio", "a hospital group", "a SaaS vendor", "an energy supplier", "a telecom operator", "a consultancy"];

    private static readonly string[] Openings =
    [
        "Backend engineer with {0} years of experience building {1} systems in {2} and {3}.",
        "Software developer, {0} years in server-side work for {1}, mostly {2} on {3}.",
        "Engineer who has spent {0} years on APIs and data pipelines for {1}, writing {2} against {3}.",
        "{0} years of backend development in {2}; recent work on {1} services backed by {3}.",
    ];

    private static readonly string[] Achievements =
    [
        "Cut p99 latency of the checkout API from 900 ms to 120 ms by reworking queries and adding a read model.",
        "Led the move from a monolith to six services without a day of downtime.",
        "Designed an idempotent event consumer that removed duplicate charges.",
        "Built the audit trail that passed an external security review.",
        "Introduced contract tests between teams and halved integration incidents.",
        "Owned on-call for the order platform and wrote most of its runbooks.",
        "Migrated 2 TB of customer data to a partitioned schema with online backfills.",
        "Added tracing across services, which made slow requests visible within a day.",
        "Mentored three junior developers through their first production releases.",
        "Replaced nightly batch jobs with streaming updates, so reports are minutes old instead of a day.",
        "Wrote the rate limiter that protects the public API during traffic spikes.",
        "Reduced cloud spend by a third by right-sizing databases and caching hot reads.",
        "Shipped a multi-tenant permission model with row-level checks.",
        "Ran load tests before each launch and fixed the bottlenecks they found.",
        "Kept a legacy billing system alive while carving out its invoicing module.",
        "Automated schema migrations and blue-green deploys for twelve services.",
    ];

    private static readonly string[] Closings =
    [
        "Comfortable with code review, pairing and writing short design documents.",
        "Enjoys untangling legacy code and leaving it better tested.",
        "Prefers small, frequent releases and clear ownership.",
        "Speaks at local meetups about databases and reliability.",
        "Holds a degree in computer science; took a career break in 2021.",
        "Self-taught; started in support and moved into engineering.",
        "Looking for a team that cares about operability as much as features.",
        "Open source contributor to a popular HTTP client library.",
    ];

    private static readonly string[] EvidenceOpenings =
    [
        "Explained the trade-off between {0} and a simpler design before choosing.",
        "Walked through how the service would behave when {1} is down.",
        "Needed prompting to consider {0} under load.",
        "Proposed measuring before optimising and named the metrics to watch.",
        "Gave a concrete example from {2} work with numbers.",
        "Identified the race condition quickly and fixed it with a unique constraint.",
        "Struggled to describe how the data would be migrated safely.",
        "Asked clarifying questions about scale before drawing anything.",
        "Covered failure modes, retries and idempotency without being asked.",
        "Answered at a high level; follow-ups did not reach the details.",
    ];

    private static readonly string[] EvidenceDetails =
    [
        "Strong signal for the level we are hiring at.",
        "Solid, with gaps around observability.",
        "Below what we need for this role.",
        "Clear reasoning and a tidy solution.",
        "Good instincts, limited hands-on depth.",
        "Would need support in the first months.",
        "",
    ];

    private static readonly string[] Summaries =
    [
        "Clear communicator with sound judgement on data design.",
        "Technically capable; less convincing on ownership in production.",
        "Good fundamentals, thin on distributed systems.",
        "Impressive depth on databases and performance.",
        "Solid all round; would fit the team well.",
        "Did not show the depth the level needs.",
        "Careful and pragmatic; asked good questions.",
    ];

    public static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    public static string Name(int first, int last) => $"{FirstNames[first]} {LastNames[last]}";

    /// <summary>A lower-case address that is unique through <paramref name="serial"/> (base 36).</summary>
    public static string CandidateEmail(int first, int last, int serial) =>
        $"{FirstNames[first].ToLowerInvariant()}.{LastNames[last].ToLowerInvariant()}.{Base36(serial)}@{MailDomains[serial % MailDomains.Length]}";

    public static string Phone(Random random) => string.Create(CultureInfo.InvariantCulture, $"+1 555 01{random.Next(100):00} {random.Next(10000):0000}");

    public static string Resume(Random random)
    {
        var text = new StringBuilder(700);
        var language = Pick(random, Languages);
        var store = Pick(random, Stores);
        text.AppendFormat(CultureInfo.InvariantCulture, Pick(random, Openings), random.Next(2, 16), Pick(random, Domains), language, store).Append('\n');
        text.Append("Experience at ").Append(Pick(random, Companies)).Append(" and ").Append(Pick(random, Companies)).Append(".\n");
        var first = random.Next(Achievements.Length);
        var count = random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            // Consecutive entries of the pool, so one resume never repeats a line.
            text.Append("- ").Append(Achievements[(first + (i * 5)) % Achievements.Length]).Append('\n');
        }

        text.Append("Skills: ").Append(language).Append(", ").Append(store).Append(", ").Append(Pick(random, Tools)).Append(", ").Append(Pick(random, Tools)).Append(", ").Append(Pick(random, Languages)).Append(".\n");
        text.Append(Pick(random, Closings));
        return text.ToString();
    }

    public static string Evidence(Random random) =>
        string.Format(CultureInfo.InvariantCulture, Pick(random, EvidenceOpenings), Pick(random, Stores), Pick(random, Tools), Pick(random, Domains)) +
        (Pick(random, EvidenceDetails) is { Length: > 0 } detail ? " " + detail : "");

    public static string Summary(Random random) => Pick(random, Summaries);

    public static string Handle(int first, int last, int serial) => $"{FirstNames[first].ToLowerInvariant()}{LastNames[last].ToLowerInvariant()}{Base36(serial)}";

    public static string Base36(int value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (value == 0)
        {
            return "0";
        }

        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        for (var v = value; v > 0; v /= 36)
        {
            buffer[--i] = Digits[v % 36];
        }

        return new string(buffer[i..]);
    }
}
