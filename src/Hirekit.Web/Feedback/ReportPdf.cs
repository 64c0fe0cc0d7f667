using Hirekit.Core.Feedback;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Hirekit.Web.Feedback;

/// <summary>
/// Renders a published feedback report as an A4 PDF with the same content as the page: headings,
/// paragraphs and lists, wrapped and paginated here. Fonts are DejaVu Sans from the operating
/// system (Debian's fonts-dejavu-core); without them the PDF is unavailable and the page still works.
/// </summary>
public static class ReportPdf
{
    public const string FontDirectory = "/usr/share/fonts/truetype/dejavu";

    private const double Margin = 56;
    private static readonly Lock InitLock = new();
    private static bool initialized;

    /// <summary>True when the fonts the PDF needs are installed.</summary>
    public static bool Available => File.Exists(Path.Combine(FontDirectory, "DejaVuSans.ttf")) && File.Exists(Path.Combine(FontDirectory, "DejaVuSans-Bold.ttf"));

    public static byte[] Render(PublishedReport published)
    {
        ArgumentNullException.ThrowIfNull(published);
        EnsureInitialized();
        using var document = new PdfDocument();
        document.Info.Title = $"Interview feedback: {published.JobTitle}";
        document.Info.Author = published.OrganizationName;
        using var writer = new PageWriter(document);
        var content = published.Report.Content;
        writer.Paragraph($"Interview feedback for {published.CandidateName}", writer.Title, after: 4);
        writer.Paragraph($"{published.JobTitle} · {published.OrganizationName}", writer.Muted, after: 14);
        writer.Paragraph(content.Intro, writer.Body, after: 12);
        foreach (var section in content.Sections)
        {
            writer.Paragraph($"{section.Title}: {(section.Kind == FeedbackKinds.Strength ? "a strength" : "an area to grow")}", writer.Heading, after: 4, keepWithNext: 60);
            writer.Paragraph(section.Summary, writer.Body, after: 6);
            if (section.Observed.Count > 0)
            {
                writer.Paragraph("What came through in the interviews", writer.Label, after: 2, keepWithNext: 30);
                foreach (var line in section.Observed)
                {
                    writer.Paragraph(line, writer.Body, after: 2, bullet: true);
                }
            }

            if (section.NextStep.Length > 0)
            {
                writer.Paragraph(section.NextStep, writer.Body, after: 6);
            }

            if (section.Topics.Count > 0)
            {
                writer.Paragraph("Topics to study", writer.Label, after: 2, keepWithNext: 30);
                foreach (var topic in section.Topics)
                {
                    writer.Paragraph(topic, writer.Body, after: 2, bullet: true);
                }
            }

            writer.Space(10);
        }

        writer.Paragraph(content.Closing, writer.Body, after: 0);
        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureInitialized()
    {
        lock (InitLock)
        {
            if (initialized)
            {
                return;
            }

            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new DejaVuResolver();
            initialized = true;
        }
    }

    /// <summary>Lays paragraphs out top to bottom, breaking lines at spaces and pages at the bottom margin.</summary>
    private sealed class PageWriter : IDisposable
    {
        private readonly PdfDocument document;
        private XGraphics? graphics;
        private PdfPage? page;
        private double y;

        public PageWriter(PdfDocument document)
        {
            this.document = document;
            Title = new XFont("DejaVu Sans", 18, XFontStyleEx.Bold);
            Heading = new XFont("DejaVu Sans", 13, XFontStyleEx.Bold);
            Label = new XFont("DejaVu Sans", 10, XFontStyleEx.Bold);
            Body = new XFont("DejaVu Sans", 10, XFontStyleEx.Regular);
            Muted = new XFont("DejaVu Sans", 10, XFontStyleEx.Regular);
            NewPage();
        }

        public XFont Title { get; }

        public XFont Heading { get; }

        public XFont Label { get; }

        public XFont Body { get; }

        public XFont Muted { get; }

        private double Width => page!.Width.Point - (2 * Margin);

        private double Bottom => page!.Height.Point - Margin;

        public void Space(double points) => y += points;

        public void Dispose() => graphics?.Dispose();

        public void Paragraph(string text, XFont font, double after, bool bullet = false, double keepWithNext = 0)
        {
            var indent = bullet ? 14 : 0;
            var lineHeight = font.GetHeight() * 1.25;
            var lines = Wrap(text, font, Width - indent);
            if (y + lineHeight + keepWithNext > Bottom)
            {
                NewPage();
            }

            var first = true;
            foreach (var line in lines)
            {
                if (y + lineHeight > Bottom)
                {
                    NewPage();
                }

                if (bullet && first)
                {
                    graphics!.DrawString("•", font, XBrushes.Black, new XPoint(Margin + 2, y + font.GetHeight()));
                }

                graphics!.DrawString(line, font, font == Muted ? XBrushes.DimGray : XBrushes.Black, new XPoint(Margin + indent, y + font.GetHeight()));
                y += lineHeight;
                first = false;
            }

            y += after;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var current = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : $"{current} {word}";
                    if (current.Length > 0 && graphics!.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(current);
                        current = word;
                    }
                    else
                    {
                        current = candidate;
                    }
                }

                lines.Add(current);
            }

            return lines;
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }
    }

    private sealed class DejaVuResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(FontDirectory, $"{faceName}.ttf"));
    }
}
