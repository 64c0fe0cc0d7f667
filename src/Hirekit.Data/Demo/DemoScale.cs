namespace Hirekit.Data.Demo;

/// <summary>
/// How much generated data <c>hirekit demo seed --scale</c> writes into one organisation.
/// <see cref="JobSizes"/> fixes the applications of the first jobs (the largest first); the
/// remaining applications are spread over the other jobs. Interviews follow the applications'
/// stages; <see cref="Interviews"/> and <see cref="Ratings"/> are the totals the plan aims at.
/// </summary>
public sealed record DemoScale(string Name, int Jobs, int Candidates, int Applications, IReadOnlyList<int> JobSizes, int Interviews, int Ratings, int Interviewers)
{
    /// <summary>The scale of issue 11: 200 jobs, 100,000 candidates, 150,000 applications (one job with 100,000), 300,000 interviews, 1,000,000 ratings.</summary>
    public static DemoScale Large { get; } = new("large", 200, 100_000, 150_000, [100_000, 10_000, 1_000], 300_000, 1_000_000, 300);

    /// <summary>A tenth of <see cref="Large"/>.</summary>
    public static DemoScale Tenth { get; } = new("tenth", 20, 10_000, 15_000, [10_000, 1_000, 100], 30_000, 100_000, 60);

    /// <summary>A hundredth of <see cref="Large"/>: the 1,000-row side of the benchmarks' comparisons.</summary>
    public static DemoScale Hundredth { get; } = new("hundredth", 4, 1_000, 1_500, [1_000, 100, 10], 3_000, 10_000, 20);

    /// <summary>
    /// The default: a small organisation a newcomer can click through (3 jobs, 40 candidates across
    /// every stage, interviews past and upcoming); <see cref="DemoStory"/> then plays decisions,
    /// offers and feedback reports on its first job through the use cases.
    /// </summary>
    public static DemoScale Small { get; } = new("small", 3, 40, 46, [22, 14, 10], 70, 280, 6);

    public static IReadOnlyList<DemoScale> Named { get; } = [Small, Large, Tenth, Hundredth];

    public static DemoScale? Find(string? name) => Named.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Why these sizes cannot be seeded, or null when they can.</summary>
    public string? Problem()
    {
        if (Jobs < 1 || Jobs > 10_000)
        {
            return "jobs must be 1 to 10,000";
        }

        if (Candidates < 1 || Applications < 0 || Interviews < 0 || Ratings < 0)
        {
            return "candidates must be at least 1; applications, interviews and ratings at least 0";
        }

        if (Interviewers < 1 || Interviewers > 5_000)
        {
            return "interviewers must be 1 to 5,000";
        }

        if (JobSizes.Count > Jobs || JobSizes.Any(s => s < 0 || s > Candidates) || JobSizes.Sum() > Applications)
        {
            return "the sizes of the largest jobs must fit the jobs, the candidates (a candidate applies to a job once) and the applications";
        }

        var rest = Applications - JobSizes.Sum();
        var others = Jobs - JobSizes.Count;
        if (rest > 0 && (others == 0 || (long)others * Candidates < rest))
        {
            return "the applications do not fit: each job has at most one application per candidate";
        }

        return null;
    }

    /// <summary>Applications per job: the fixed sizes first, the rest spread evenly.</summary>
    public int[] ApplicationsPerJob()
    {
        var sizes = new int[Jobs];
        for (var i = 0; i < JobSizes.Count; i++)
        {
            sizes[i] = JobSizes[i];
        }

        var others = Jobs - JobSizes.Count;
        var rest = Applications - JobSizes.Sum();
        for (var i = 0; i < others; i++)
        {
            sizes[JobSizes.Count + i] = (rest / others) + (i < rest % others ? 1 : 0);
        }

        return sizes;
    }
}
