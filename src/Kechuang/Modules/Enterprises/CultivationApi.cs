using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

/// <summary>Screening of a region's enterprises against both engines, and its pools (培育库).</summary>
public static class CultivationApi
{
    public static IEndpointRouteBuilder MapCultivationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cultivation").RequireAuthorization().WithTags("梯次培育");
        api.MapGet("/screening", async (string? regionCode, int? year, string? pool, [AsParameters] ListQuery list, ScreenEnterprisesHandler handler,
            IOrganizationDirectory directory, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(regionCode, Validate(year, pool), pool, ct);
            var arranged = await ScreeningList.ArrangeAsync(result.Items, list, directory, ct);
            // Without a page asked for, every row, as the screening always answered.
            var items = list.Page is null && list.PageSize is null ? arranged : ScreeningList.Page(arranged, list).Items;
            return TypedResults.Ok(result with { Items = items, Total = arranged.Count });
        })
            .WithName("ListScreening")
            .WithSummary("梯次培育筛查结果");
        api.MapPost("/screening/run", async (string? regionCode, int? year, ScreenEnterprisesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new { screened = await handler.RunAsync(regionCode, Validate(year, null), ct) }))
            .RequireAuthorization(Platform.Access.Roles.Staff)
            .WithName("RunScreening")
            .WithSummary("重新筛查辖区企业并分入培育库");
        api.MapGet("/funnel", async (string? regionCode, int? fromYear, int? toYear, ScreenEnterprisesHandler handler, CancellationToken ct) =>
        {
            var to = Validate(toYear, null);
            var from = Math.Clamp(fromYear ?? to - 3, to - 20, to);
            var years = await handler.FunnelAsync(regionCode, from, to, ct);
            return TypedResults.Ok(new Paged<FunnelYear>(years, years.Count));
        })
            .WithName("GetCultivationFunnel")
            .WithSummary("逐年培育漏斗");
        api.MapGet("/screening/export", async (string? regionCode, int? year, string? pool, [AsParameters] ListQuery list, ScreenEnterprisesHandler handler,
            IOrganizationDirectory directory, KechuangDb db, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(regionCode, Validate(year, pool), pool, ct);
            var rows = await ScreeningList.ArrangeAsync(result.Items, list, directory, ct);
            db.AuditEvent("enterprises_screening", "export", "export", $"{{\"rows\":{rows.Count},\"pool\":\"{pool}\"}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(ScreeningSheet.Row), ScreeningSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, $"梯次培育筛查{result.Year}.xlsx");
        })
            .WithName("ExportScreening")
            .WithSummary("导出梯次培育筛查结果");
        return app;
    }

    private static int Validate(int? year, string? pool)
    {
        var errors = new FieldErrors();
        var y = errors.Year("year", year);
        if (!string.IsNullOrWhiteSpace(pool) && !CultivationPools.Names.ContainsKey(pool))
        {
            errors.Add("pool", $"培育库取值无效，可选：{string.Join("、", CultivationPools.Names.Select(p => $"{p.Key}（{p.Value}）"))}");
        }
        errors.ThrowIfAny();
        return y;
    }
}

public static class ScreeningSheet
{
    public static readonly string[] Headers = ["企业名称", "行政区划代码", "销售收入（元）", "规上", "科小评价", "科小得分", "高企硬性条件", "高企得分区间", "培育库", "差距"];

    public static IDictionary<string, object?> Row(ScreeningRow r) => new Dictionary<string, object?>
    {
        ["企业名称"] = r.Name,
        ["行政区划代码"] = r.RegionCode,
        ["销售收入（元）"] = r.SalesRevenue,
        ["规上"] = r.AboveScale ? "是" : "否",
        ["科小评价"] = r.TechSme is null ? "缺少数据" : r.TechSme.Eligible ? "符合" : "不符合",
        ["科小得分"] = r.TechSme?.Score,
        ["高企硬性条件"] = r.HighTech is null ? "缺少数据" : r.HighTech.HardConditionsMet ? "满足" : "不满足",
        ["高企得分区间"] = r.HighTech is null ? null : $"{r.HighTech.MinScore}—{r.HighTech.MaxScore}",
        ["培育库"] = string.Join("；", r.Pools.Select(p => CultivationPools.Names[p])),
        ["差距"] = string.Join("；", (r.TechSme?.Gaps ?? []).Concat(r.HighTech?.Gaps ?? []).Distinct()),
    };
}
