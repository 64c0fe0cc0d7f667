using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Security;
using Hirekit.Core.Settings;

namespace Hirekit.Core.AsyncScreens;

/// <summary>The candidate's page: the screen, its questions as the kit version words them, the saved answers.</summary>
public sealed record CandidateScreenView(AsyncScreenByToken Found, IReadOnlyList<Question> Questions, IReadOnlyDictionary<string, string> Answers, TimeZoneInfo Zone, DateTimeOffset Now)
{
    public AsyncScreen Screen => Found.Screen;

    public string Status => Screen.StatusAt(Now);
}

/// <summary>The rules of the candidate's side, shared by opening, saving and submitting.</summary>
public sealed class AsyncScreenLinks(IAsyncScreenStore screens, IKitStore kits, KitDocumentCache cache, IOrganizationSettingsStore settings)
{
    /// <summary>The longest answer accepted, in characters (about 3,000 words).</summary>
    public const int MaxAnswer = 20_000;

    /// <summary>One answer for unknown, cancelled and foreign links alike, so a link reveals nothing about others.</summary>
    public static readonly Error NotFound = Error.NotFound("async_screen.not_found", "This link does not open a written screen. Check that you copied the whole link from the e-mail.");

    public static readonly Error AlreadySubmitted = Error.Conflict("async_screen.submitted", "These answers were already submitted; they can no longer be changed.");

    public async Task<AsyncScreenByToken?> FindAsync(string? token, CancellationToken ct)
    {
        if (SecretToken.HashPresented(token) is not { } hash)
        {
            return null;
        }

        var found = await screens.FindByTokenAsync(hash, ct);
        return found is null || found.Screen.CancelledAt is not null ? null : found;
    }

    public async Task<CandidateScreenView> ViewAsync(AsyncScreenByToken found, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(found);
        var screen = found.Screen;
        var kit = await KitAsync(screen, ct);
        var answers = (await screens.ListAnswersAsync(screen.OrganizationId, screen.Id, ct)).ToDictionary(a => a.QuestionId, a => a.Text, StringComparer.Ordinal);
        var zone = (await settings.GetAsync(screen.OrganizationId, ct)).Zone;
        return new CandidateScreenView(found, screen.Questions.Select(kit.FindQuestion).OfType<Question>().ToList(), answers, zone, now);
    }

    /// <summary>The kit version the screen was sent from, which words its questions.</summary>
    public async Task<Kit> KitAsync(AsyncScreen screen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var version = await kits.FindVersionAsync(screen.OrganizationId, screen.KitId, screen.KitVersion, ct)
            ?? throw new InvalidOperationException($"Screen {screen.Id} points at a kit version that does not exist.");
        return cache.Get(version.ContentHash, version.Document);
    }

    /// <summary>Why the screen takes no more writing at <paramref name="now"/>, or null while it is open.</summary>
    public static Error? Closed(AsyncScreen screen, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(screen);
        if (screen.SubmittedAt is not null)
        {
            return AlreadySubmitted;
        }

        return now >= screen.Deadline
            ? Error.Conflict("async_screen.deadline_passed", $"The deadline ({AsyncScreenMail.Deadline(screen.Deadline, zone)}) has passed, so answers can no longer be saved or submitted. If something kept you from answering in time, reply to the e-mail that brought you here.")
            : null;
    }

    /// <summary>
    /// The common start of every write by the candidate: the link resolves, the screen still takes
    /// answers at <paramref name="now"/>, and the answers fit its questions.
    /// </summary>
    public async Task<Result<OpenScreen>> OpenForWritingAsync(string? token, IReadOnlyDictionary<string, string?> answers, DateTimeOffset now, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        if (found is null)
        {
            return NotFound;
        }

        var zone = (await settings.GetAsync(found.Screen.OrganizationId, ct)).Zone;
        if (Closed(found.Screen, zone, now) is { } closed)
        {
            return closed;
        }

        var checkedAnswers = Check(found.Screen, answers);
        return checkedAnswers.IsSuccess ? new OpenScreen(found, zone, checkedAnswers.Value) : checkedAnswers.Error!;
    }

    /// <summary>Why a write lost its race (submitted or past the deadline meanwhile), read again from the store.</summary>
    public async Task<Error> LostRaceAsync(string? token, OpenScreen open, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        return Closed((await FindAsync(token, ct))?.Screen ?? open.Found.Screen, open.Zone, now) ?? AlreadySubmitted;
    }

    /// <summary>Answers for the screen's questions, trimmed at the end, each at most <see cref="MaxAnswer"/> characters.</summary>
    public static Result<IReadOnlyList<AsyncScreenAnswer>> Check(AsyncScreen screen, IReadOnlyDictionary<string, string?> answers)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(answers);
        var fields = new Dictionary<string, string[]>();
        var list = new List<AsyncScreenAnswer>();
        foreach (var (questionId, text) in answers)
        {
            if (!screen.Questions.Contains(questionId, StringComparer.Ordinal))
            {
                fields[$"answers.{questionId}"] = ["This is not one of the screen's questions."];
                continue;
            }

            var value = (text ?? "").TrimEnd();
            if (value.Length > MaxAnswer)
            {
                fields[$"answers.{questionId}"] = [$"An answer has at most {MaxAnswer:N0} characters; this one has {value.Length:N0}."];
                continue;
            }

            list.Add(new AsyncScreenAnswer(questionId, value));
        }

        return fields.Count > 0
            ? Error.Validation("async_screen.invalid", "Some answers need attention.", fields)
            : Result<IReadOnlyList<AsyncScreenAnswer>>.Success(list);
    }
}

/// <summary>Opens the candidate's page from the secret link.</summary>
public sealed class OpenAsyncScreen(AsyncScreenLinks links, TimeProvider time)
{
    public async Task<Result<CandidateScreenView>> HandleAsync(string? token, CancellationToken ct)
    {
        var found = await links.FindAsync(token, ct);
        return found is null ? AsyncScreenLinks.NotFound : await links.ViewAsync(found, time.GetUtcNow(), ct);
    }
}

/// <summary>Saves the candidate's drafts while the screen is open; the page autosaves through it.</summary>
public sealed class SaveAsyncScreenDraft(AsyncScreenLinks links, IAsyncScreenStore screens, TimeProvider time)
{
    public async Task<Result<DateTimeOffset>> HandleAsync(string? token, IReadOnlyDictionary<string, string?> answers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await links.OpenForWritingAsync(token, answers, now, ct);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        return await screens.SaveDraftAsync(open.Value.Found.Screen, open.Value.Answers, now, ct) == AsyncScreenWriteOutcome.Done
            ? now
            : await links.LostRaceAsync(token, open.Value, now, ct);
    }
}

/// <summary>
/// Submits the candidate's answers, once. The submission becomes an interview of the job's
/// async-screen stage with the reviewers as its panel, so each reviewer gets a draft scorecard
/// under the usual independence rules and an e-mail that the answers are in.
/// </summary>
public sealed class SubmitAsyncScreen(
    AsyncScreenLinks links,
    IAsyncScreenStore screens,
    IInterviewStore interviews,
    AsyncScreenMail mail,
    IOutboxSignal signal,
    TimeProvider time)
{
    /// <summary>The reviewers' interview ends at the submission and lasts the shortest time an interview may.</summary>
    public const int ReviewMinutes = 5;

    public async Task<Result<AsyncScreen>> HandleAsync(string? token, IReadOnlyDictionary<string, string?> answers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await links.OpenForWritingAsync(token, answers, now, ct);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        var (found, checkedAnswers) = (open.Value.Found, open.Value.Answers);
        var screen = found.Screen;
        var saved = (await screens.ListAnswersAsync(screen.OrganizationId, screen.Id, ct)).ToDictionary(a => a.QuestionId, a => a.Text, StringComparer.Ordinal);
        foreach (var answer in checkedAnswers)
        {
            saved[answer.QuestionId] = answer.Text;
        }

        if (saved.Values.All(string.IsNullOrWhiteSpace))
        {
            return Error.Validation("async_screen.empty", "Write at least one answer before submitting.", new Dictionary<string, string[]> { ["answers"] = ["Write at least one answer before submitting."] });
        }

        var interview = new Interview(
            Ids.New(), screen.OrganizationId, screen.ApplicationId, screen.JobId, screen.StageId, screen.KitId, screen.KitVersion,
            new InterviewPlan(SendAsyncScreen.StageKind, screen.StageName, screen.Focus, screen.Traits, screen.Questions),
            now.AddMinutes(-ReviewMinutes), ReviewMinutes, null, null, InterviewStatuses.Scheduled, 0, false, screen.SentBy, null, screen.Reviewers, now, now);
        var scorecards = screen.Reviewers.Select(u => Scorecard.NewDraft(screen.OrganizationId, interview.Id, screen.ApplicationId, u, now)).ToList();
        var people = await interviews.ListPeopleAsync(screen.OrganizationId, screen.Reviewers, ct);
        var messages = people.Where(p => p.IsActive).Select(p => mail.Submitted(screen.OrganizationId, interview.Id, p.Name, p.Email, found.CandidateName, found.JobTitle, now)).ToList();
        var review = new AsyncScreenReview(interview, scorecards, messages, AuditEntry.System(screen.OrganizationId, null, "async_screen.submitted", "async_screen", screen.Id, now, $"interview {interview.Id}"));
        if (await screens.SubmitAsync(screen, checkedAnswers, now, review, ct) != AsyncScreenWriteOutcome.Done)
        {
            return await links.LostRaceAsync(token, open.Value, now, ct);
        }

        signal.Notify();
        return screen with { SubmittedAt = now, InterviewId = interview.Id };
    }
}
