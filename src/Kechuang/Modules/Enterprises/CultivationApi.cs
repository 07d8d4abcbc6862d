using Kechuang.Platform.Access;
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
            ListScreeningRowsHandler rows, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(regionCode, Validate(year, pool), pool, ct);
            var arranged = await rows.AllAsync(result.Items, list, ct);
            // Without a page asked for, every row, as the screening always answered.
            var items = list.Page is null && list.PageSize is null ? arranged : ListScreeningRowsHandler.Page(arranged, list).Items;
            return TypedResults.Ok(result with { Items = items, Total = arranged.Count });
        })
            .WithName("ListScreening")
            .WithSummary("梯次培育筛查结果");
        api.MapPost("/screening/run", async (string? regionCode, int? year, RunScreeningHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new { screened = (await handler.HandleAsync(regionCode, year, ct)).Total }))
            .WithPermission(EnterprisesPermissions.RunScreening)
            .WithName("RunScreening")
            .WithSummary("重新筛查辖区企业并分入培育库");
        api.MapGet("/funnel", async (string? regionCode, int? fromYear, int? toYear, GetCultivationFunnelHandler handler, CancellationToken ct) =>
        {
            var to = Validate(toYear, null);
            var from = Math.Clamp(fromYear ?? to - 3, to - 20, to);
            var years = await handler.HandleAsync(regionCode, from, to, ct);
            return TypedResults.Ok(new Paged<FunnelYear>(years, years.Count));
        })
            .WithName("GetCultivationFunnel")
            .WithSummary("逐年培育漏斗");
        api.MapGet("/screening/export", async (string? regionCode, int? year, string? pool, [AsParameters] ListQuery list, FromReports<ScreenEnterprisesHandler> handler,
            FromReports<ListScreeningRowsHandler> arrange, KechuangDb db, CancellationToken ct) =>
        {
            var result = await handler.Handler.HandleAsync(regionCode, Validate(year, pool), pool, ct);
            var rows = await arrange.Handler.AllAsync(result.Items, list, ct);
            return await ScreeningSheet.Export.FileAsync(db, rows, ct, $"梯次培育筛查{result.Year}.xlsx",
                new Dictionary<string, string?> { ["pool"] = pool });
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

/// <summary>The screening list's export: both engines' verdicts and the gaps, as the screening page shows them.</summary>
public static class ScreeningSheet
{
    public static readonly ExportSheet<ScreeningRow> Export = new ExportSheet<ScreeningRow>("梯次培育筛查.xlsx", "enterprises_screening")
        .Column("企业名称", r => r.Name)
        .Column("行政区划代码", r => r.RegionCode)
        .Column("销售收入（元）", r => r.SalesRevenue)
        .Column("规上", r => r.AboveScale ? "是" : "否")
        .Column("科小评价", r => r.TechSme is null ? "缺少数据" : r.TechSme.Eligible ? "符合" : "不符合")
        .Column("科小得分", r => r.TechSme?.Score)
        .Column("高企硬性条件", r => r.HighTech is null ? "缺少数据" : r.HighTech.HardConditionsMet ? "满足" : "不满足")
        .Column("高企得分区间", r => r.HighTech is null ? null : $"{r.HighTech.MinScore}—{r.HighTech.MaxScore}")
        .Column("培育库", r => string.Join("；", r.Pools.Select(p => CultivationPools.Names[p])))
        .Column("差距", r => string.Join("；", (r.TechSme?.Gaps ?? []).Concat(r.HighTech?.Gaps ?? []).Distinct()));
}
