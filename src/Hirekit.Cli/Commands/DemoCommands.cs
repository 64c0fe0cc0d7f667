using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hirekit.Core.Security;
using Hirekit.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Hirekit.Cli.Commands;

/// <summary>Generated demo data: <c>hirekit demo seed [--scale small|large|tenth|hundredth]</c>.</summary>
public static class DemoCommands
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build(CliContext context)
    {
        var scale = new Option<string?>("--scale") { Description = "small (the default: 3 jobs, 40 candidates, with decisions, offers and feedback reports), large (200 jobs, 100,000 candidates, 150,000 applications, 300,000 interviews, 1,000,000 ratings), tenth or hundredth (the same shape, smaller)." };
        var org = new Option<string?>("--org") { Description = "The organisation to fill: created when missing; refused when it already has jobs or candidates (default: \"Demo <scale>\")." };
        var jobs = new Option<int?>("--jobs") { Description = "Override: number of jobs." };
        var candidates = new Option<int?>("--candidates") { Description = "Override: number of candidates." };
        var applications = new Option<int?>("--applications") { Description = "Override: number of applications." };
        var largest = new Option<int?>("--largest-job") { Description = "Override: applications on the largest job (the next two get a tenth and a hundredth of it)." };
        var interviews = new Option<int?>("--interviews") { Description = "Override: number of interviews." };
        var ratings = new Option<int?>("--ratings") { Description = "Override: number of competency ratings in submitted scorecards." };
        var interviewers = new Option<int?>("--interviewers") { Description = "Override: number of interviewers." };
        var seed = new Option<int>("--random-seed") { Description = "Seed of the generator: the same seed gives the same names and shapes.", DefaultValueFactory = _ => 11 };
        var manifest = new Option<string?>("--manifest") { Description = "Write a JSON summary (ids of the largest jobs, member e-mails, interviews awaiting scorecards) for scripts such as bench/run." };
        var seedCommand = new Command("seed", "Fill an organisation with generated hiring data. Every member gets the password piped on stdin, or a generated one printed once.")
        {
            scale, org, jobs, candidates, applications, largest, interviews, ratings, interviewers, seed, manifest,
        };
        seedCommand.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(scale) ?? DemoScale.Small.Name;
            if (DemoScale.Find(name) is not { } named)
            {
                await context.Error.WriteLineAsync($"error: --scale must be one of {string.Join(", ", DemoScale.Named.Select(s => s.Name))}.");
                return ExitCodes.Refused;
            }

            var largestJob = parse.GetValue(largest);
            var chosen = named with
            {
                Jobs = parse.GetValue(jobs) ?? named.Jobs,
                Candidates = parse.GetValue(candidates) ?? named.Candidates,
                Applications = parse.GetValue(applications) ?? named.Applications,
                JobSizes = largestJob is { } l ? new[] { l, l / 10, l / 100 }.Where(s => s > 0).ToList() : named.JobSizes,
                Interviews = parse.GetValue(interviews) ?? named.Interviews,
                Ratings = parse.GetValue(ratings) ?? named.Ratings,
                Interviewers = parse.GetValue(interviewers) ?? named.Interviewers,
            };
            if (chosen.Problem() is { } problem)
            {
                await context.Error.WriteLineAsync($"error: {problem}.");
                return ExitCodes.Refused;
            }

            var piped = context.InputRedirected ? (await context.In.ReadLineAsync(ct))?.TrimEnd('\r') : null;
            var password = string.IsNullOrEmpty(piped) ? SecretToken.Create() : piped;
            await context.ReadyAsync(ct);
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(context.Services);
            var organization = parse.GetValue(org) ?? (chosen.Name == DemoScale.Small.Name ? "Hirekit Demo" : $"Demo {chosen.Name}");
            var progress = new Lines(context.Error);
            var result = await seeder.HandleAsync(new DemoSeeder.Request(organization, chosen, password, parse.GetValue(seed)), progress, ct);
            if (!result.IsSuccess)
            {
                return await context.RefuseAsync(result.Error!);
            }

            var report = result.Value;
            if (chosen.Name == DemoScale.Small.Name)
            {
                // The small organisation is for people: finish its story through the use cases.
                var admin = (await context.Services.GetRequiredService<Hirekit.Core.Accounts.IAccountStore>().FindUserByEmailAsync(report.AdminEmail, ct))!;
                var actor = new Hirekit.Core.Common.Actor(admin.Id, report.Organization.Id, Hirekit.Core.Accounts.Role.Admin, admin.DisplayName);
                var story = await ActivatorUtilities.CreateInstance<DemoStory>(context.Services).HandleAsync(actor, report.LargestJobs[0].Id, ct);
                if (!story.IsSuccess)
                {
                    return await context.RefuseAsync(story.Error!);
                }

                var told = story.Value;
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  decisions {told.Decisions}, offers {told.Offers} ({told.Hires} accepted, with an onboarding plan), feedback drafts {told.FeedbackDrafts} ({told.FeedbackSent} sent)"));
            }

            var total = TimeSpan.FromTicks(report.Phases.Sum(p => p.Elapsed.Ticks));
            // The phases went to stderr as they ended; stdout carries the outcome.
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Seeded '{report.Organization.Name}' ({chosen.Name}) in {total.TotalSeconds:0.0} s."));
            foreach (var job in report.LargestJobs)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"job {job.Id}  {job.Applications,9:N0} applications  {job.Title}"));
            }

            await context.Out.WriteLineAsync($"admin: {report.AdminEmail}; every member's password is {(piped is null ? $"(generated, shown once) {password}" : "the one piped on stdin")}.");
            if (parse.GetValue(manifest) is { } file)
            {
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(Manifest(report, total), ManifestJson), ct);
                await context.Error.WriteLineAsync($"Wrote {file}.");
            }

            return ExitCodes.Ok;
        });

        return new Command("demo", "Demo data.") { seedCommand };
    }

    private static object Manifest(DemoSeeder.Report report, TimeSpan total) => new
    {
        organization = new { id = report.Organization.Id, name = report.Organization.Name, slug = report.Organization.Slug },
        scale = report.Scale,
        seconds = Math.Round(total.TotalSeconds, 1),
        admin = report.AdminEmail,
        recruiter = report.RecruiterEmail,
        jobs = report.LargestJobs,
        candidateNames = report.CandidateNames,
        interviewers = report.Interviewers,
        rows = report.Rows,
        phases = report.Phases.Select(p => new { name = p.Name, rows = p.Rows, seconds = Math.Round(p.Elapsed.TotalSeconds, 2) }),
    };

    private static string Line(DemoSeeder.Phase phase) =>
        string.Create(CultureInfo.InvariantCulture, $"  {phase.Name,-46} {phase.Rows,11:N0} rows {phase.Elapsed.TotalSeconds,8:0.00} s");

    /// <summary>Progress on stderr as each phase ends (synchronously, so lines keep their order).</summary>
    private sealed class Lines(TextWriter error) : IProgress<DemoSeeder.Phase>
    {
        public void Report(DemoSeeder.Phase value) => error.WriteLine(Line(value));
    }
}
