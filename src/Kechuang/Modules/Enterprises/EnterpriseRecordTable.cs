using System.Globalization;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Enterprises;

/// <summary>One counted record as the indicator's detail page shows it: its enterprise and the cells of its row.</summary>
public sealed record RecordTableRow(Guid Id, Guid EnterpriseId, string EnterpriseName, IReadOnlyList<string> Cells);

/// <summary>The records behind an enterprise-cultivation indicator, one page of them, with the table's title and headers.</summary>
public sealed record RecordTable(string Type, string Title, IReadOnlyList<string> Headers, IReadOnlyList<RecordTableRow> Items, int Total);

/// <summary>What an indicator's records URL asks for: the kind of record and the indicator's own filters.</summary>
/// <param name="Level"><c>city-plus</c> for 市级以上研发机构.</param>
/// <param name="AsOf">For qualifications: those valid on this day.</param>
public sealed record RecordTableQuery(string? Type, string? RegionCode, int? Year, string? Kind = null, string? Level = null, int? Page = null, int? PageSize = null,
    DateOnly? AsOf = null);

/// <summary>
/// 指标明细: the records an enterprise-cultivation or IP indicator counts, listed with the indicator's own filters, paged in
/// the database. The page <c>/enterprises/records</c> and <c>/api/v1/enterprises/records</c> answer the same query string, so
/// an indicator's records URL opens on screen and in the API alike.
/// </summary>
public sealed class ListIndicatorRecordsHandler(
    ListQualificationsHandler qualifications,
    ListRdInstitutionsHandler institutions,
    ListIntellectualPropertyHandler property,
    ListFilingsHandler filings,
    ListAwardNominationsHandler awards,
    ListInnovationEntitiesHandler entities)
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["qualifications"] = "企业资质",
        ["rd-institutions"] = "研发机构",
        ["intellectual-property"] = "知识产权",
        ["industrialization-filings"] = "发明专利产业化备案",
        ["industrialization-projects"] = "实施发明专利产业化项目",
        ["award-nominations"] = "科技奖励提名",
        ["innovation-entities"] = "科技型中小企业等创新主体",
    };

    public async Task<RecordTable> HandleAsync(RecordTableQuery q, CancellationToken ct)
    {
        if (q.Type is not { } type || !Titles.TryGetValue(type, out var title))
        {
            throw InputException.For("type", $"明细类别应为：{string.Join("、", Titles.Keys)}");
        }
        ListFilters.CheckYear(q.Year);
        var records = new RecordQuery(q.RegionCode, q.Year, null, q.Kind, q.Page, q.PageSize);
        switch (type)
        {
            case "qualifications":
                {
                    var page = await qualifications.HandleAsync(records with { ValidOn = q.AsOf }, ct);
                    return Table(type, title, ["企业", "类别", "编号", "有效期"], page, x => new RecordTableRow(x.Id, x.EnterpriseId, x.EnterpriseName,
                        [x.EnterpriseName, x.KindName, x.Number, $"{UiFormat.Day(x.ValidFrom)} 至 {UiFormat.Day(x.ValidUntil)}"]));
                }
            case "rd-institutions":
                {
                    var page = await institutions.HandleAsync(records with { CityLevelOrAbove = q.Level == "city-plus" }, ct);
                    return Table(type, title, ["企业", "名称", "类别", "级别", "认定年度"], page, x => new RecordTableRow(x.Id, x.EnterpriseId, x.EnterpriseName,
                        [x.EnterpriseName, x.Name, x.KindName, x.LevelName, x.Year.ToString(CultureInfo.InvariantCulture)]));
                }
            case "intellectual-property":
                {
                    var page = await property.HandleAsync(records with { PatentsOnly = true }, ct);
                    return Table(type, title, ["企业", "类别", "名称", "号码", "状态", "申请日"], page, x => new RecordTableRow(x.Id, x.EnterpriseId, x.EnterpriseName,
                        [x.EnterpriseName, x.KindName, x.Title, x.Number, x.StatusName, UiFormat.Day(x.AppliedOn)]));
                }
            case "industrialization-filings" or "industrialization-projects":
                {
                    var query = type == "industrialization-projects" ? records with { Year = null, ImplementedIn = q.Year } : records;
                    var page = await filings.HandleAsync(query, ct);
                    return Table(type, title, ["企业", "项目", "发明专利号", "预计新增销售", "备案日期", "实施开始", "计划完成"], page, x => new RecordTableRow(x.Id, x.EnterpriseId,
                        x.EnterpriseName, [x.EnterpriseName, x.ProjectName, x.PatentNumber, EvaluationText.Amount(x.ExpectedSales), UiFormat.Day(x.FiledOn),
                        UiFormat.Day(x.ImplementationStart), x.ImplementationEnd is { } end ? UiFormat.Day(end) : "—"]));
                }
            case "award-nominations":
                {
                    var page = await awards.HandleAsync(records, ct);
                    return Table(type, title, ["企业", "奖项", "等级", "年度", "项目", "结果"], page, x => new RecordTableRow(x.Id, x.EnterpriseId, x.EnterpriseName,
                        [x.EnterpriseName, x.Award, x.Grade, x.Year.ToString(CultureInfo.InvariantCulture), x.Project, x.ResultName]));
                }
            default:
                {
                    var page = await entities.HandleAsync(q.RegionCode, q.Year, q.Page, q.PageSize, ct);
                    return Table(type, title, ["企业", "科技型中小企业入库编号", "高新技术企业证书编号", "研发机构"], page, x => new RecordTableRow(x.EnterpriseId, x.EnterpriseId,
                        x.EnterpriseName, [x.EnterpriseName, x.TechSmeNumber ?? "—", x.HighTechNumber ?? "—", x.RdInstitutions.Count == 0 ? "—" : string.Join("、", x.RdInstitutions)]));
                }
        }
    }

    private static RecordTable Table<T>(string type, string title, string[] headers, Paged<T> page, Func<T, RecordTableRow> row) =>
        new(type, title, headers, page.Items.Select(row).ToList(), page.Total);
}
