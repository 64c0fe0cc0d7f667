using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Hirekit.Core.Candidates;

public enum ResumeFormat
{
    Pdf,
    Docx,
    Text,
}

/// <summary>
/// Decides what an uploaded resume really is from its bytes, never from its name or the type the
/// browser claims, and pulls searchable text out of it.
/// </summary>
public static class ResumeFiles
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static string ContentType(ResumeFormat format) => format switch
    {
        ResumeFormat.Pdf => "application/pdf",
        ResumeFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    };

    public static string Extension(ResumeFormat format) => format switch
    {
        ResumeFormat.Pdf => ".pdf",
        ResumeFormat.Docx => ".docx",
        _ => ".txt",
    };

    /// <summary>
    /// PDF: starts with <c>%PDF-</c>. DOCX: a ZIP archive holding <c>word/document.xml</c>. Text:
    /// valid UTF-8 with no NUL byte. Anything else (an executable renamed .pdf, an image) is null.
    /// </summary>
    public static ResumeFormat? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return null;
        }

        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return ResumeFormat.Pdf;
        }

        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return IsDocx(content) ? ResumeFormat.Docx : null;
        }

        return IsText(content) ? ResumeFormat.Text : null;
    }

    /// <summary>The text a search can use. PDF text is extracted where the file keeps it readable; the rest is empty.</summary>
    public static string ExtractText(byte[] content, ResumeFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        return format switch
        {
            ResumeFormat.Text => new UTF8Encoding(false, true).GetString(content),
            ResumeFormat.Docx => DocxText(content),
            _ => PdfText.Extract(content),
        };
    }

    private static bool IsText(byte[] content)
    {
        if (content.AsSpan().IndexOf((byte)0) >= 0)
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsDocx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string DocxText(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            using var stream = zip.GetEntry("word/document.xml")!.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var text = new StringBuilder();
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "t" })
                {
                    text.Append(reader.ReadElementContentAsString());
                }
                else if (reader is { NodeType: XmlNodeType.EndElement, LocalName: "p" })
                {
                    text.Append('\n');
                }
            }

            return text.ToString().Trim();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return "";
        }
    }
}
