using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Suggestions;

/// <summary>A generated file: name and bytes.</summary>
public sealed record ReplyFile(string FileName, byte[] Content);

/// <summary>
/// 答复函 as a .docx laid out as a government letter (GB/T 9704-2012 basics, docs/rules/reply-letter.md §4): A4, margins
/// top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 小标宋 二号 centred; body in 仿宋_GB2312 三号 at a fixed
/// 28-point line, paragraphs indented two characters; the signature and the day at the right.
/// </summary>
public sealed class DownloadReplyHandler(KechuangDb db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>二号 = 22 pt, 三号 = 16 pt, in half-points.</summary>
    public const int TitleSize = 44;
    public const int BodySize = 32;
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";

    public async Task<ReplyFile> HandleAsync(Guid suggestionId, int number, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        var version = await ReplyChecks.LoadAsync(db, suggestionId, number, cancellationToken);
        var suggestionNumber = await db.Set<Suggestion>().AsNoTracking().Where(s => s.Id == suggestionId).Select(s => s.Number).FirstAsync(cancellationToken);
        return new ReplyFile($"答复函-{suggestionNumber}-第{version.Number}版.docx", Write(version));
    }

    public static byte[] Write(ReplyVersion version)
    {
        var lines = version.Text.Split('\n');
        // The last two lines are the signature and the day (the renderer appends them); the first is the salutation.
        var body = lines[..^2];
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body();
            content.Append(Paragraph(version.Title, TitleFont, TitleSize, JustificationValues.Center, spacingAfter: 560));
            for (var i = 0; i < body.Length; i++)
            {
                var salutation = i == 0 && (body[i].EndsWith('：') || body[i].EndsWith(':'));
                content.Append(Paragraph(body[i], BodyFont, BodySize, salutation ? JustificationValues.Left : JustificationValues.Both,
                    firstLineChars: salutation ? 0 : 200));
            }
            content.Append(Paragraph("", BodyFont, BodySize, JustificationValues.Left));
            // 成文日期 右空四字; the signature is centred over the day.
            content.Append(Paragraph(lines[^2], BodyFont, BodySize, JustificationValues.Right, rightChars: 400));
            content.Append(Paragraph(lines[^1], BodyFont, BodySize, JustificationValues.Right, rightChars: 400));
            content.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = Twips(37), Bottom = Twips(35), Left = (uint)Twips(28), Right = (uint)Twips(26), Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(content);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Millimetres in twentieths of a point (1 mm = 56.7 twips).</summary>
    public static int Twips(int millimetres) => (int)Math.Round(millimetres * 1440m / 25.4m, MidpointRounding.AwayFromZero);

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues justification, int spacingAfter = 0,
        int firstLineChars = 0, int rightChars = 0)
    {
        // Children in the schema's order (spacing, indentation, justification): Word refuses a paragraph in another.
        var properties = new ParagraphProperties(new SpacingBetweenLines
        {
            After = spacingAfter.ToString(CultureInfo.InvariantCulture),
            Line = "560",
            LineRule = LineSpacingRuleValues.Exact,
        });
        if (firstLineChars > 0 || rightChars > 0)
        {
            var indentation = new Indentation();
            if (firstLineChars > 0)
            {
                indentation.FirstLineChars = firstLineChars;
            }
            if (rightChars > 0)
            {
                indentation.RightChars = rightChars;
            }
            properties.Append(indentation);
        }
        properties.Append(new Justification { Val = justification });
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
