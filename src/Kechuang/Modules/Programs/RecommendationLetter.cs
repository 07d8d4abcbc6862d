using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

public sealed record LetterFile(string FileName, byte[] Content);

/// <summary>
/// 推荐函: the county bureau's letter recommending an application to the higher call, as a .docx in the letter format
/// (信函格式, GB/T 9704-2012: title in 小标宋, body in 仿宋 三号, the bureau and the day at the end).
/// </summary>
public sealed class DownloadRecommendationLetterHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<LetterFile> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var application = await ProgramChecks.Visible(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw ProgramChecks.NotFound();
        if (application.RecommendedOn is not { } day || application.RecommendedToCallId is not { } upperId)
        {
            throw new RuleException("programs.not-recommended", "项目尚未推荐上报，没有推荐函");
        }
        var call = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == application.CallId, cancellationToken);
        var upper = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == upperId, cancellationToken);
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var org = await directory.NamesAnywhereAsync([application.OrganizationId!.Value], cancellationToken);
        var scores = await db.Set<PlanApplication>().AsNoTracking().Where(a => a.CallId == call.Id && a.Score != null).Select(a => a.Score!.Value).ToListAsync(cancellationToken);
        var rank = application.Score is { } mine ? scores.Count(s => s > mine) + 1 : (int?)null;
        var upperAuthority = regions.GetValueOrDefault(upper.RegionCode, upper.RegionCode) + (upper.Level == PlanLevel.Provincial ? "科学技术厅" : "科学技术局");
        var bureau = regions.GetValueOrDefault(call.RegionCode, call.RegionCode) + "科学技术局";
        var title = $"关于推荐“{application.Title}”申报{upper.Year}年度{ProgramsRules.LevelNames[upper.Level]}{upper.Category}项目的函";
        var score = application.Score is { } s2 ? $"在我局{call.Year}年度{call.Category}项目专家评审中平均得分{s2.ToString("0.##", CultureInfo.InvariantCulture)}分"
            + (rank is { } r ? $"，在{scores.Count}个项目中排名第{r}" : "") + "。" : "";
        string[] body =
        [
            $"根据《{upper.Title}》的要求，经单位申报、形式审查和专家评审，我局同意推荐{org.GetValueOrDefault(application.OrganizationId.Value, "")}承担的“{application.Title}”项目申报{upper.Year}年度{ProgramsRules.LevelNames[upper.Level]}{upper.Category}项目。",
            $"该项目负责人为{application.Leader}，申请经费{Money.Format(application.RequestedFundsFen)}，自筹经费{Money.Format(application.OwnFundsFen)}。该项目{score}",
            "我局已对推荐项目的申报材料进行审核，并对所推荐项目材料的真实性负责。",
            "特此函告。",
        ];
        var date = $"{day.Year}年{day.Month}月{day.Day}日";
        return new LetterFile($"推荐函-{application.Title}.docx", Write(title, upperAuthority + "：", body, bureau, date));
    }

    private static byte[] Write(string title, string addressee, IReadOnlyList<string> body, string bureau, string date)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body();
            content.Append(Paragraph(title, "方正小标宋简体", 44, JustificationValues.Center, spacingAfter: 480));
            content.Append(Paragraph(addressee, "仿宋_GB2312", 32, JustificationValues.Left));
            foreach (var text in body)
            {
                content.Append(Paragraph(text, "仿宋_GB2312", 32, JustificationValues.Both, firstLineChars: 200));
            }
            content.Append(Paragraph("", "仿宋_GB2312", 32, JustificationValues.Left));
            content.Append(Paragraph(bureau, "仿宋_GB2312", 32, JustificationValues.Right));
            content.Append(Paragraph(date, "仿宋_GB2312", 32, JustificationValues.Right));
            // A4 with the standard's margins: top 37 mm, left 28 mm, text block 156 × 225 mm.
            content.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(content);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues justification, int spacingAfter = 0,
        int firstLineChars = 0)
    {
        // Children in the schema's order (spacing, indentation, justification): Word refuses a paragraph in another.
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = spacingAfter.ToString(CultureInfo.InvariantCulture), Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (firstLineChars > 0)
        {
            properties.Append(new Indentation { FirstLineChars = firstLineChars });
        }
        properties.Append(new Justification { Val = justification });
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
