using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Hirekit.Core.Mail;

namespace Hirekit.Data.Mail;

/// <summary>Where mail goes: an SMTP server when <see cref="SmtpHost"/> is set, otherwise .eml files under <see cref="DropDirectory"/>.</summary>
public sealed record MailSettings(
    string FromAddress,
    string FromName,
    string? SmtpHost,
    int SmtpPort,
    string? SmtpUsername,
    string? SmtpPassword,
    bool SmtpUseTls,
    string DropDirectory);

/// <summary>Turns an outbox message into a MIME message: plain text, the calendar inline (for mail clients) and attached as invite.ics.</summary>
internal static class MailMessages
{
    public static MailMessage Build(OutgoingMail mail, MailSettings settings)
    {
        var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = mail.BodyText,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.Recipient, mail.RecipientName));
        message.Headers.Add("X-Hirekit-Message-Id", mail.Id.ToString());
        if (mail.Calendar is not null)
        {
            var type = new ContentType("text/calendar") { CharSet = "utf-8" };
            type.Parameters.Add("method", mail.CalendarMethod ?? "REQUEST");
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.Calendar, type));
            var attachment = Attachment.CreateAttachmentFromString(mail.Calendar, "invite.ics", Encoding.UTF8, "application/ics");
            message.Attachments.Add(attachment);
        }

        return message;
    }
}

/// <summary>
/// Writes each message as <c>{id}.eml</c> into the drop directory. The file appears whole (written
/// aside, then moved) and a message already written is not written again, so a retry after a
/// crash never produces a second copy.
/// </summary>
public sealed class FileDropTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Directory.CreateDirectory(settings.DropDirectory);
        var target = Path.Combine(settings.DropDirectory, $"{mail.Id}.eml");
        if (File.Exists(target))
        {
            return;
        }

        var scratch = Path.Combine(settings.DropDirectory, ".pickup", $"{mail.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            using (var message = MailMessages.Build(mail, settings))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = scratch })
            {
                await client.SendMailAsync(message, ct);
            }

            var written = Directory.GetFiles(scratch, "*.eml").Single();
            try
            {
                File.Move(written, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another dispatcher wrote the same message first: one copy is the point.
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

/// <summary>Sends through an SMTP server (STARTTLS when <see cref="MailSettings.SmtpUseTls"/>). A crash between sending and recording it can repeat a message; SMTP offers no way to ask.</summary>
public sealed class SmtpTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using var message = MailMessages.Build(mail, settings);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpUseTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUsername, settings.SmtpPassword);
        }

        await client.SendMailAsync(message, ct);
    }
}
