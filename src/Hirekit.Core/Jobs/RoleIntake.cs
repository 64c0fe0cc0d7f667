using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

/// <summary>What a hiring manager's intake answers mean for the job.</summary>
/// <param name="Weights">Competency id and weight 1..5: the competencies the job assesses and how much each counts.</param>
public sealed record IntakeOutcome(string? Specialisation, Level? ImpliedLevel, string LoopTemplate, IReadOnlyDictionary<string, int> Weights, IReadOnlyList<IntakeNote> Notes);

/// <summary>An answer and what it means for the screen, for the recruiter and interviewers.</summary>
public sealed record IntakeNote(string QuestionId, string Prompt, string Answer, string ScreenNote);

/// <summary>
/// Applies the kit's role-definition questions. Rules, in order: the loop template's focus
/// competencies weigh 1; the specialisation (the one most answers point to, the earliest on a tie)
/// raises its competencies to its weights; each answer adds its weights, capped at
/// <see cref="MaxWeight"/>. The loop template is the last one an answer names, else the kit's
/// first. Every question must be answered.
/// </summary>
public static class RoleIntake
{
    public const int MaxWeight = 5;
    public const int MaxTextAnswer = 500;

    public static Result<IntakeOutcome> Apply(Kit kit, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new Dictionary<string, string[]>();
        var chosen = new List<(IntakeQuestion Question, IntakeOption? Option, string Answer)>();
        foreach (var question in kit.RoleIntake)
        {
            var answer = answers.TryGetValue(question.Id, out var a) ? a?.Trim() ?? "" : "";
            if (question.Answer == "text")
            {
                if (answer.Length == 0 || answer.Length > MaxTextAnswer)
                {
                    errors[$"intake.{question.Id}"] = [$"Answer \"{question.Prompt}\" in 1 to {MaxTextAnswer} characters."];
                    continue;
                }

                chosen.Add((question, null, answer));
            }
            else
            {
                var option = question.Options.FirstOrDefault(o => o.Id == answer);
                if (option is null)
                {
                    errors[$"intake.{question.Id}"] = [$"Choose one of: {string.Join(", ", question.Options.Select(o => o.Id))}."];
                    continue;
                }

                chosen.Add((question, option, option.Label));
            }
        }

        foreach (var unknown in answers.Keys.Where(k => kit.RoleIntake.All(q => q.Id != k)))
        {
            errors[$"intake.{unknown}"] = ["This is not a question of the kit's role intake."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation("intake.invalid", "Some role-intake answers are missing or invalid.", errors);
        }

        var implications = chosen.Where(c => c.Option is not null).Select(c => c.Option!.Implies).ToList();
        var specialisation = implications
            .Select((i, index) => (i.Specialisation, index))
            .Where(x => x.Specialisation is not null)
            .GroupBy(x => x.Specialisation!)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(x => x.index))
            .Select(g => g.Key)
            .FirstOrDefault();
        var template = implications.LastOrDefault(i => i.LoopTemplate is not null)?.LoopTemplate ?? (kit.LoopTemplates.Count > 0 ? kit.LoopTemplates[0].Id : "");
        var level = implications.LastOrDefault(i => i.Level is not null)?.Level;

        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var competency in kit.LoopTemplates.FirstOrDefault(t => t.Id == template)?.Stages.SelectMany(s => s.Focus) ?? [])
        {
            weights[competency] = Math.Max(weights.GetValueOrDefault(competency), 1);
        }

        foreach (var weight in kit.Specialisations.FirstOrDefault(s => s.Id == specialisation)?.Weights ?? ValueList<Weight>.Empty)
        {
            weights[weight.Competency] = Math.Max(weights.GetValueOrDefault(weight.Competency, 1), weight.Value);
        }

        foreach (var weight in implications.SelectMany(i => i.Weights))
        {
            weights[weight.Competency] = Math.Min(MaxWeight, weights.GetValueOrDefault(weight.Competency, 1) + weight.Value);
        }

        var notes = chosen.Select(c => new IntakeNote(c.Question.Id, c.Question.Prompt, c.Answer, c.Option?.Implies.ScreenNote ?? c.Question.ScreenNote ?? "")).ToList();
        return new IntakeOutcome(specialisation, level, template, weights, notes);
    }
}
