using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

public sealed record CoverageFinding(string Rule, string Message, string? Competency = null, string? Question = null, Guid? Stage = null);

/// <param name="LiveMinutes">Time the candidate spends in live conversations (all stages but CV review and the written screen).</param>
public sealed record CoverageReport(IReadOnlyList<CoverageFinding> Findings, int LiveMinutes, bool HasWrittenScreen);

/// <summary>
/// Checks a job's loop against what the job assesses. A competency matters when the job weighs
/// it (weight 1 or more: from the loop template, the specialisation and the intake answers). Rules:
/// every competency that matters is the focus of at least one stage; a competency seen by only one
/// interviewer is flagged (one opinion is not evidence); a question asked in two stages is flagged;
/// interview stages without questions or interviewers are flagged; the candidate's total live time
/// is reported.
/// </summary>
public static class LoopCoverage
{
    private static readonly string[] NoCandidateTime = ["cv_review", "async_screen"];

    public static CoverageReport Check(Kit kit, IReadOnlyDictionary<string, int> weights, IReadOnlyList<LoopStage> stages)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(stages);
        var findings = new List<CoverageFinding>();
        foreach (var (competency, weight) in weights.Where(w => w.Value >= 1).OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal))
        {
            var name = kit.FindCompetency(competency)?.Name ?? competency;
            var covering = stages.Where(s => s.Focus.Contains(competency)).ToList();
            if (covering.Count == 0)
            {
                findings.Add(new CoverageFinding("uncovered_competency", $"{name} matters for this job (weight {weight}) but no stage focuses on it.", Competency: competency));
                continue;
            }

            var interviewers = covering.SelectMany(s => s.Interviewers).Distinct().Count();
            var written = covering.Any(s => s.Kind == "async_screen");
            if (interviewers == 1 && !written)
            {
                findings.Add(new CoverageFinding("single_interviewer", $"Only one interviewer assesses {name}; a second opinion makes the level credible.", Competency: competency));
            }
        }

        foreach (var repeated in stages.SelectMany(s => s.Questions.Select(q => (Question: q, Stage: s))).GroupBy(x => x.Question).Where(g => g.Count() > 1))
        {
            var title = kit.FindQuestion(repeated.Key)?.Title ?? repeated.Key;
            findings.Add(new CoverageFinding("reused_question", $"\"{title}\" is asked in {repeated.Count()} stages ({string.Join(", ", repeated.Select(x => x.Stage.Name))}); the candidate hears it twice and the second answer is rehearsed.", Question: repeated.Key));
        }

        foreach (var stage in stages.Where(s => s.Kind != "cv_review"))
        {
            if (stage.Questions.Count == 0 && stage.Exercise is null && !stage.WrittenScreen)
            {
                findings.Add(new CoverageFinding("stage_without_questions", $"{stage.Name} has no questions; unstructured conversations are hard to compare.", Stage: stage.Id));
            }

            if (stage.Interviewers.Count == 0)
            {
                findings.Add(new CoverageFinding("stage_without_interviewers", $"{stage.Name} has no interviewer yet.", Stage: stage.Id));
            }
        }

        var live = stages.Where(s => !NoCandidateTime.Contains(s.Kind)).Sum(s => s.DurationMinutes);
        return new CoverageReport(findings, live, stages.Any(s => s.Kind == "async_screen"));
    }
}
