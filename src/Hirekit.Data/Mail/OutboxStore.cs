using Dapper;
using Hirekit.Core.Mail;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Mail;

public sealed class OutboxStore(IDbConnectionFactory db) : IOutboxStore
{
    private const int MaxErrorLength = 500;

    public async Task<IReadOnlyList<ClaimedMail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<MessageRow>(new CommandDefinition(
            """
            SELECT id, organization_id, kind, recipient, recipient_name, subject, body_text, calendar, calendar_method, created_at, attempts
            FROM outbox_messages
            WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)
            ORDER BY available_at, id
            LIMIT @Limit
            """,
            new { Now = now, Limit = limit },
            cancellationToken: ct))).ToList();
        var claimed = new List<ClaimedMail>();
        foreach (var row in due)
        {
            // The claim is the guard: of two dispatchers that saw the same message, one updates it.
            var won = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE outbox_messages SET claimed_until = @LeaseUntil
                WHERE id = @Id AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
                """,
                new { row.Id, LeaseUntil = leaseUntil, Now = now },
                cancellationToken: ct));
            if (won == 1)
            {
                claimed.Add(new ClaimedMail(row.ToMail(), row.Attempts));
            }
        }

        return claimed;
    }

    public async Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_messages SET sent_at = @SentAt, claimed_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = @Id",
            new { Id = id, SentAt = sentAt },
            cancellationToken: ct));
    }

    public async Task MarkFailedAsync(Guid id, DateTimeOffset now, DateTimeOffset? retryAt, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox_messages
            SET claimed_until = NULL, attempts = attempts + 1, last_error = @Error,
                available_at = COALESCE(@RetryAt, available_at), failed_at = CASE WHEN @GiveUp THEN @Now ELSE NULL END
            WHERE id = @Id
            """,
            new { Id = id, Now = now, RetryAt = retryAt, GiveUp = retryAt is null, Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListRecentAsync(Guid organizationId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            """
            SELECT id, kind, recipient, subject, created_at, attempts, sent_at, failed_at, last_error
            FROM outbox_messages WHERE organization_id = @OrganizationId
            ORDER BY created_at DESC, id DESC
            LIMIT @Limit
            """,
            new { OrganizationId = organizationId, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => new OutboxEntry(r.Id, r.Kind, r.Recipient, r.Subject, r.CreatedAt, r.Attempts, r.SentAt, r.FailedAt, r.LastError)).ToList();
    }

    private sealed class MessageRow
    {
        public Guid Id { get; init; }

        public Guid? OrganizationId { get; init; }

        public string Kind { get; init; } = "";

        public string Recipient { get; init; } = "";

        public string RecipientName { get; init; } = "";

        public string Subject { get; init; } = "";

        public string BodyText { get; init; } = "";

        public string? Calendar { get; init; }

        public string? CalendarMethod { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Attempts { get; init; }

        public OutgoingMail ToMail() => new(Id, OrganizationId, Kind, Recipient, RecipientName, Subject, BodyText, Calendar, CalendarMethod, CreatedAt);
    }

    private sealed class EntryRow
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = "";

        public string Recipient { get; init; } = "";

        public string Subject { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public DateTimeOffset? FailedAt { get; init; }

        public string? LastError { get; init; }
    }
}
