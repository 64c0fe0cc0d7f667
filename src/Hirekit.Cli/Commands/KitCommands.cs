using System.CommandLine;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Cli.Commands;

/// <summary>Kits as code: check a kit's files before they ship, and turn a kit folder into one export document.</summary>
public static class KitCommands
{
    public static Command Build(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A kit folder (content/kits/<slug>) or a single exported kit file." };
        var validate = new Command("validate", "Check a kit against the format (docs/kit-format.md). Exit code 0: valid; 2: problems, listed as file:line:column: field: message.") { path };
        validate.SetAction(async (parse, _) =>
        {
            var target = parse.GetValue(path)!;
            var result = Load(target);
            if (result is null)
            {
                await context.Error.WriteLineAsync($"error: '{target}' is neither a folder nor a file.");
                return ExitCodes.Refused;
            }

            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                {
                    await context.Out.WriteLineAsync(problem.ToString());
                }

                await context.Error.WriteLineAsync($"{result.Problems.Count} problem(s) in {target}.");
                return ExitCodes.Refused;
            }

            var kit = result.Kit!;
            await context.Out.WriteLineAsync(
                $"{target}: valid. {kit.Areas.Count} areas, {kit.Competencies.Count()} competencies, {kit.Traits.Count} traits, " +
                $"{kit.Questions.Count} questions, {kit.LoopTemplates.Count} loop templates.");
            return ExitCodes.Ok;
        });

        var source = new Argument<string>("path") { Description = "A kit folder or file to export." };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var export = new Command("export", "Write a valid kit as one canonical YAML document (the import format).") { source, output };
        export.SetAction(async (parse, ct) =>
        {
            var result = Load(parse.GetValue(source)!);
            if (result is not { IsValid: true })
            {
                await context.Error.WriteLineAsync("error: the kit is not valid; run 'hirekit kits validate' for the problems.");
                return ExitCodes.Refused;
            }

            var yaml = KitWriter.ToYaml(result.Kit!);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, yaml, ct);
                await context.Error.WriteLineAsync($"Wrote {file}.");
            }
            else
            {
                await context.Out.WriteAsync(yaml);
            }

            return ExitCodes.Ok;
        });

        return new Command("kits", "Hiring kits.") { validate, export };
    }

    private static KitLoadResult? Load(string path) =>
        Directory.Exists(path) ? KitLoader.LoadDirectory(path) : File.Exists(path) ? KitLoader.LoadFile(path) : null;
}
