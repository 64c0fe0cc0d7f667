using System.Net.Mail;
using System.Text;

namespace Hirekit.Testing;

/// <summary>One MIME part: headers (names lower-cased) and decoded body bytes, or sub-parts.</summary>
public sealed record MimePart(IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyList<MimePart> Parts)
{
    public string ContentType => Headers.GetValueOrDefault("content-type", "text/plain");

    public string Text => Encoding.UTF8.GetString(Body);

    public IEnumerable<MimePart> Flatten() => Parts.Count == 0 ? [this] : Parts.SelectMany(p => p.Flatten());
}

/// <summary>A message the server dropped as <c>{id}.eml</c>.</summary>
public sealed record DroppedMail(string File, string To, string Subject, MimePart Root)
{
    public string Body => Root.Flatten().First(p => p.ContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)).Text;

    /// <summary>The inline calendar part (text/calendar), if any.</summary>
    public MimePart? Calendar => Root.Flatten().FirstOrDefault(p => p.ContentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase));

    public MimePart? Attachment(string name) => Root.Flatten().FirstOrDefault(p => p.Headers.GetValueOrDefault("content-disposition", "").Contains(name, StringComparison.OrdinalIgnoreCase) || p.ContentType.Contains($"name={name}", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads the .eml files of a mail drop directory with a small MIME parser (multipart, base64, quoted-printable, encoded words).</summary>
public static class MailDrop
{
    public static IReadOnlyList<DroppedMail> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(f =>
        {
            var root = Parse(File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal));
            return new DroppedMail(f, new MailAddress(Decode(root.Headers["to"])).Address, Decode(root.Headers["subject"]), root);
        }).ToList();
    }

    private static MimePart Parse(string text)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim().ToLowerInvariant();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        var type = headers.GetValueOrDefault("content-type", "text/plain");
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Parameter(type, "boundary") ?? throw new FormatException("multipart without boundary");
            var parts = body.Split("--" + boundary)
                .Skip(1)
                .TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal))
                .Select(p => Parse(p.TrimStart('\n')))
                .ToList();
            return new MimePart(headers, [], parts);
        }

        var encoding = headers.GetValueOrDefault("content-transfer-encoding", "7bit").ToLowerInvariant();
        var bytes = encoding switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))),
            "quoted-printable" => QuotedPrintable(body),
            _ => Encoding.UTF8.GetBytes(body),
        };
        return new MimePart(headers, bytes, []);
    }

    private static string? Parameter(string header, string name)
    {
        foreach (var part in header.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static byte[] QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    /// <summary>Decodes RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=).</summary>
    private static string Decode(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*", m =>
        {
            var data = m.Groups[3].Value;
            var raw = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(data)
                : QuotedPrintable(data.Replace('_', ' '));
            return Encoding.GetEncoding(m.Groups[1].Value).GetString(raw);
        });
}
