namespace Hirekit.Core.Mail;

/// <summary>
/// One e-mail to one recipient, as the outbox keeps it until it is sent. <see cref="Calendar"/> is
/// an RFC 5545 object that goes both inline (so mail clients show the invitation) and attached
/// as <c>invite.ics</c>; <see cref="CalendarMethod"/> is its METHOD (REQUEST or CANCEL).
/// </summary>
public sealed record OutgoingMail(
    Guid Id,
    Guid? OrganizationId,
    string Kind,
    string Recipient,
    string RecipientName,
    string Subject,
    string BodyText,
    string? Calendar,
    string? CalendarMethod,
    DateTimeOffset CreatedAt);

public static class MailKinds
{
    public const string InterviewInvite = "interview.invite";
    public const string InterviewUpdate = "interview.update";
    public const string InterviewCancel = "interview.cancel";
    public const string ScorecardReminder = "scorecard.reminder";
    public const string FeedbackReport = "feedback.report";
    public const string OnboardingPlan = "onboarding.plan";
}

/// <summary>A message the dispatcher claimed, with how often sending was tried before.</summary>
public sealed record ClaimedMail(OutgoingMail Mail, int Attempts);

/// <summary>The durable outbox. Messages are written by the stores of the changes they announce, in the same transaction.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages until <paramref name="leaseUntil"/>: no other
    /// dispatcher takes them before the lease ends, so a message is sent by one dispatcher at a time.
    /// </summary>
    Task<IReadOnlyList<ClaimedMail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken ct);

    Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken ct);

    /// <summary>Records a failed attempt; the message is tried again at <paramref name="retryAt"/>, or never when null.</summary>
    Task MarkFailedAsync(Guid id, DateTimeOffset now, DateTimeOffset? retryAt, string error, CancellationToken ct);

    Task<IReadOnlyList<OutboxEntry>> ListRecentAsync(Guid organizationId, int limit, CancellationToken ct);
}

/// <summary>An outbox message as admins see it: without the body.</summary>
public sealed record OutboxEntry(Guid Id, string Kind, string Recipient, string Subject, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? LastError);

/// <summary>Delivers one message: SMTP, or a file per message when no mail server is configured.</summary>
public interface IMailTransport
{
    /// <summary>Delivers <paramref name="mail"/>. Delivering the same message twice must not produce two copies where the transport can prevent it.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>Wakes the dispatcher after a write added mail, so invitations go out in seconds rather than at the next poll.</summary>
public interface IOutboxSignal
{
    void Notify();
}

/// <summary>For hosts without a dispatcher (the CLI): mail waits for the next server poll.</summary>
public sealed class NoOutboxSignal : IOutboxSignal
{
    public void Notify()
    {
    }
}

/// <summary>The organisation's latest e-mail and whether it went out, for admins checking delivery.</summary>
public sealed class ListRecentMail(IOutboxStore outbox)
{
    public const int Limit = 20;

    public async Task<Common.Result<IReadOnlyList<OutboxEntry>>> HandleAsync(Common.Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin
            ? Common.Result<IReadOnlyList<OutboxEntry>>.Success(await outbox.ListRecentAsync(actor.OrganizationId, Limit, ct))
            : Common.Error.Forbidden("mail.forbidden", "Only admins read the outgoing mail log.");
    }
}
