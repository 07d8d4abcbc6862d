using System.Globalization;
using System.Text.Json;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// The statistics as a workbook to send upward (技术市场统计快报): a first sheet with the period, the region and the
/// totals, then one sheet per breakdown — class, contracts, 成交额 and 技术交易额 in 万元, share of 技术交易额 — each
/// ending in its 合计 row. Amounts are rounded to 0.01 万元 only here; the page and the API give yuan.
/// </summary>
public static class StatisticsReport
{
    public const string CountHeader = "合同数（项）";
    public const string AmountHeader = "成交额（万元）";
    public const string TransactionHeader = "技术交易额（万元）";
    public const string ShareHeader = "技术交易额占比";

    public static async Task<FileContentHttpResult> FileAsync(KechuangDb db, ContractStatistics statistics, CancellationToken cancellationToken)
    {
        db.AuditEvent("contracts_contract", "statistics", "export", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["from"] = statistics.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = statistics.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["regionCode"] = statistics.RegionCode,
            ["rows"] = statistics.Total.Count,
        }));
        await db.SaveChangesAsync(cancellationToken);
        var name = $"技术市场统计快报_{statistics.From:yyyyMMdd}-{statistics.To:yyyyMMdd}.xlsx";
        return TypedResults.File(Write(statistics), ExcelFile.ContentType, name);
    }

    public static byte[] Write(ContractStatistics statistics)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal) { ["汇总"] = Summary(statistics) };
        foreach (var breakdown in statistics.Breakdowns)
        {
            sheets[SheetName(breakdown.Title)] = Rows(breakdown, statistics.Total);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Summary(ContractStatistics s)
    {
        var rows = new List<(string, object?)>
        {
            ("报表", "技术合同登记统计快报"),
            ("统计地区", s.RegionName),
            ("登记日期", $"{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}"),
            ("登记合同数（项）", s.Total.Count),
            ("合同成交额（万元）", TenThousands(s.Total.Amount)),
            ("技术交易额（万元）", TenThousands(s.Total.TransactionAmount)),
        };
        if (s.Inflow is { } inflow)
        {
            rows.Add(("技术吸纳合同数（项）", inflow.Count));
            rows.Add(("技术吸纳成交额（万元）", TenThousands(inflow.Amount)));
        }
        rows.Add(("说明", "按登记日期统计已登记的技术合同；地区为卖方（登记方）所在地；金额以万元计，保留两位小数。"));
        return [.. rows.Select(r => new Dictionary<string, object?> { ["项目"] = r.Item1, ["内容"] = r.Item2 })];
    }

    private static List<Dictionary<string, object?>> Rows(StatisticsBreakdown breakdown, StatisticsRow total) =>
        [.. breakdown.Rows.Append(total with { Name = "合计" }).Select(r => new Dictionary<string, object?>
        {
            [breakdown.Title] = r.Name,
            [CountHeader] = r.Count,
            [AmountHeader] = TenThousands(r.Amount),
            [TransactionHeader] = TenThousands(r.TransactionAmount),
            [ShareHeader] = total.TransactionAmount == 0 ? "—" : (r.TransactionAmount / total.TransactionAmount).ToString("P2", CultureInfo.InvariantCulture),
        })];

    private static decimal TenThousands(decimal yuan) => decimal.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>A sheet name without the characters Excel refuses, at most 31 characters.</summary>
    private static string SheetName(string title)
    {
        var clean = new string([.. title.Select(c => c is '/' or '\\' or '?' or '*' or '[' or ']' or ':' ? '-' : c)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
