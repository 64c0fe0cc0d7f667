using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Hirekit.Core.Candidates;

/// <summary>
/// Best-effort text extraction from PDF content streams: inflates FlateDecode streams and reads
/// the literal strings shown with the Tj and TJ operators. Resumes exported from word processors
/// with standard fonts come out readable; PDFs whose fonts use custom encodings yield little, and
/// the candidate's pasted text (or a recruiter's) fills the gap. It never throws on bad input.
/// </summary>
public static partial class PdfText
{
    private const int MaxOutput = 200_000;

    public static string Extract(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = new StringBuilder();
        try
        {
            var raw = Encoding.Latin1.GetString(pdf);
            foreach (Match match in StreamPattern().Matches(raw))
            {
                var start = match.Index + match.Length;
                var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                var dictionary = raw[Math.Max(0, match.Index - 400)..match.Index];
                var data = pdf.AsSpan(start, end - start).TrimEnd("\r\n"u8).ToArray();
                var content = dictionary.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(data) : data;
                if (content is not null)
                {
                    ReadShownText(Encoding.Latin1.GetString(content), text);
                }

                if (text.Length > MaxOutput)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            // A malformed PDF yields what was read so far.
        }

        return Regex.Replace(text.ToString(), @"[ \t]+", " ").Trim();
    }

    private static byte[]? Inflate(byte[] data)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Collects (literal strings) before Tj/TJ; a line break after each text object or T* / Td move.</summary>
    private static void ReadShownText(string content, StringBuilder text)
    {
        foreach (Match op in TextOperatorPattern().Matches(content))
        {
            if (op.Groups["move"].Success)
            {
                text.Append('\n');
                continue;
            }

            foreach (Match literal in LiteralPattern().Matches(op.Value))
            {
                text.Append(Unescape(literal.Groups[1].Value));
            }

            text.Append(' ');
        }
    }

    private static string Unescape(string s)
    {
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                result.Append(s[i]);
                continue;
            }

            var next = s[++i];
            result.Append(next switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' or 'f' => ' ',
                _ when next is >= '0' and <= '7' => Octal(s, ref i),
                _ => next,
            });
        }

        return result.ToString();
    }

    private static char Octal(string s, ref int i)
    {
        var value = 0;
        var digits = 0;
        while (digits < 3 && i < s.Length && s[i] is >= '0' and <= '7')
        {
            value = (value * 8) + (s[i] - '0');
            i++;
            digits++;
        }

        i--;
        return (char)value;
    }

    [GeneratedRegex(@"stream\r?\n", RegexOptions.None, 1000)]
    private static partial Regex StreamPattern();

    [GeneratedRegex(@"(?<shown>\[(?:[^\]\\]|\\.)*\]\s*TJ|\((?:[^)\\]|\\.)*\)\s*Tj)|(?<move>\bET\b|\bT\*|\bTd\b|\bTD\b)", RegexOptions.None, 1000)]
    private static partial Regex TextOperatorPattern();

    [GeneratedRegex(@"\(((?:[^)\\]|\\.)*)\)", RegexOptions.None, 1000)]
    private static partial Regex LiteralPattern();
}
