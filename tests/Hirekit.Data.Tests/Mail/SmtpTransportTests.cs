using System.Net;
using System.Net.Sockets;
using System.Text;
using Hirekit.Core.Mail;
using Hirekit.Data.Mail;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Mail;

/// <summary>The SMTP transport against a small real SMTP server on loopback (no TLS, no auth).</summary>
public sealed class SmtpTransportTests
{
    [Fact]
    public async Task SendsTheMessageWithItsInlineCalendarAndAttachment()
    {
        await using var server = await SmtpSink.StartAsync();
        var settings = new MailSettings("hiring@example.test", "Hiring Team", "127.0.0.1", server.Port, null, null, false, Path.GetTempPath());
        var mail = new OutgoingMail(Guid.NewGuid(), null, MailKinds.InterviewInvite, "ana@example.test", "Ana", "Interview: Zoë, Coding", "Hello Ana,\nSee you there.", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "REQUEST", DateTimeOffset.UtcNow);

        await new SmtpTransport(settings).SendAsync(mail, CancellationToken.None);

        var received = Assert.Single(server.Messages);
        Assert.Equal("<hiring@example.test>", received.From);
        Assert.Equal(["<ana@example.test>"], received.Recipients);
        Assert.Contains("text/calendar", received.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("method=REQUEST", received.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("invite.ics", received.Data, StringComparison.Ordinal);
        Assert.Contains($"X-Hirekit-Message-Id: {mail.Id}", received.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileDrop_WritesOneFilePerMessage_EvenWhenSentTwice()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hirekit-drop-{Guid.NewGuid():N}");
        try
        {
            var transport = new FileDropTransport(new MailSettings("hiring@example.test", "Hiring", null, 25, null, null, false, directory));
            var mail = new OutgoingMail(Guid.NewGuid(), null, MailKinds.ScorecardReminder, "ben@example.test", "Ben", "Scorecard due", "Please submit.", null, null, DateTimeOffset.UtcNow);

            await Task.WhenAll(transport.SendAsync(mail, CancellationToken.None), transport.SendAsync(mail, CancellationToken.None));
            await transport.SendAsync(mail, CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
            Assert.Equal($"{mail.Id}.eml", Path.GetFileName(file));
            Assert.Contains("Please submit.", Assert.Single(MailDrop.Read(directory)).Body, StringComparison.Ordinal);
            Assert.Empty(Directory.GetDirectories(Path.Combine(directory, ".pickup")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record Received(string From, List<string> Recipients, string Data);

    /// <summary>Speaks just enough SMTP (RFC 5321) to accept messages: EHLO, MAIL, RCPT, DATA, QUIT.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public List<Received> Messages { get; } = [];

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<SmtpSink> StartAsync()
        {
            var sink = new SmtpSink();
            sink._listener.Start();
            sink._loop = sink.AcceptAsync();
            return Task.FromResult(sink);
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                using (client)
                {
                    await ServeAsync(client.GetStream());
                }
            }
        }

        private async Task ServeAsync(NetworkStream stream)
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 sink");
                        break;
                    case "MAIL":
                        from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.Append(body).Append("\r\n");
                        }

                        lock (Messages)
                        {
                            Messages.Add(new Received(from ?? "", [.. recipients], data.ToString()));
                        }

                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }
}
