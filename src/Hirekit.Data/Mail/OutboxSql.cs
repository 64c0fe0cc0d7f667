using System.Data.Common;
using Dapper;
using Hirekit.Core.Mail;

namespace Hirekit.Data.Mail;

/// <summary>Queues e-mail inside the caller's transaction, so a message exists exactly when the change it announces does.</summary>
internal static class OutboxSql
{
    private const string Insert = """
        INSERT INTO outbox_messages (id, organization_id, kind, recipient, recipient_name, subject, body_text, calendar, calendar_method, created_at, available_at, attempts)
        VALUES (@Id, @OrganizationId, @Kind, @Recipient, @RecipientName, @Subject, @BodyText, @Calendar, @CalendarMethod, @CreatedAt, @CreatedAt, 0)
        """;

    public static async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutgoingMail> mail, CancellationToken ct)
    {
        if (mail.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, mail, transaction, cancellationToken: ct));
        }
    }
}
