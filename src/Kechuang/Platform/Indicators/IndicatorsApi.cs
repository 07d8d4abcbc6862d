using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Platform.Indicators;

public static class IndicatorsApi
{
    public sealed record Created(Guid Id);

    /// <summary>The home page's figures for a script or a load test: the same handler the page renders.</summary>
    /// <param name="Year">The year shown: the one asked for, or the latest year with records.</param>
    public sealed record Dashboard(string Scope, int Year, IReadOnlyList<Kechuang.Platform.Ui.DashboardFigure> Figures);

    public sealed record Monthly(string Code, string RegionCode, int Year, IReadOnlyList<decimal> Values);

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Roles.Staff).WithTags("指标与目标");

        api.MapGet("/dashboard", async (int? year, Kechuang.Platform.Ui.DashboardHandler handler) =>
        {
            var shown = year ?? await handler.DefaultYearAsync();
            return TypedResults.Ok(new Dashboard(await handler.ScopeTextAsync(), shown, await handler.FiguresAsync(shown)));
        })
            .WithName("GetDashboard")
            .WithSummary("首页数据概览（本人数据范围内的各项数字）");
        api.MapGet("/indicators", (IndicatorCatalogue catalogue) =>
            TypedResults.Ok(new Paged<IndicatorInfo>(catalogue.All, catalogue.All.Count)))
            .WithName("ListIndicators")
            .WithSummary("指标目录");
        api.MapGet("/indicators/{code}/value", async (string code, string? regionCode, int? year, IndicatorCatalogue catalogue, KechuangDb db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await catalogue.ValueAsync(db, code, regionCode, year ?? clock.GetUtcNow().Year, ct)))
            .WithName("GetIndicatorValue")
            .WithSummary("某地区某年度的指标数值及其计入的记录");
        api.MapGet("/indicators/{code}/monthly", async (string code, string? regionCode, int? year, IndicatorCatalogue catalogue, KechuangDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var y = year ?? clock.GetUtcNow().Year;
            var region = IndicatorCatalogue.CheckRegion(db.User, regionCode);
            return TypedResults.Ok(new Monthly(code, region, y, await catalogue.MonthlyAsync(db, code, region, y, ct)));
        })
            .WithName("GetIndicatorMonthly")
            .WithSummary("指标逐月累计值");

        api.MapGet("/indicators/{code}/regions", async (string code, string? regionCode, int? year, CompareRegionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(code, regionCode, year, ct)))
            .WithName("CompareRegions")
            .WithSummary("地区对比：某指标某年度在本地区及各下级地区的完成情况与目标");
        api.MapGet("/indicators/{code}/regions/export", async (string code, string? regionCode, int? year, FromReports<CompareRegionsHandler> handler, KechuangDb db,
                CancellationToken ct) =>
        {
            var comparison = await handler.Handler.HandleAsync(code, regionCode, year, ct);
            return await CompareRegionsHandler.Export.FileAsync(db, [.. comparison.Items, comparison.Whole], ct,
                $"{comparison.Year}年{comparison.IndicatorName}地区对比.xlsx", new Dictionary<string, string?> { ["indicator"] = code, ["region"] = comparison.Whole.RegionCode });
        })
            .WithName("ExportRegionComparison")
            .WithSummary("导出地区对比");
        api.MapGet("/targets", async (string? regionCode, int? year, string? indicatorCode, [AsParameters] ListQuery list, TargetsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(regionCode, year, indicatorCode, list, ct)))
            .WithName("ListTargets")
            .WithSummary("查询年度目标及完成情况");
        api.MapGet("/targets/export", async (string? regionCode, int? year, string? indicatorCode, [AsParameters] ListQuery list, FromReports<TargetsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await TargetSheet.Export.FileAsync(db, await handler.Handler.AllAsync(regionCode, year, indicatorCode, list, ct), ct))
            .WithName("ExportTargets")
            .WithSummary("导出年度目标及完成情况");
        api.MapPost("/targets", async Task<Results<Created<Created>, Ok<Created>>> (TargetInput body, TargetsHandler handler, CancellationToken ct) =>
        {
            var (id, created) = await handler.SetAsync(body, ct);
            return created ? TypedResults.Created($"/api/v1/targets?year={body.Year}&regionCode={body.RegionCode}", new Created(id)) : TypedResults.Ok(new Created(id));
        })
            .WithPermission(IndicatorsPermissions.SetTarget)
            .WithName("SetTarget")
            .WithSummary("设定年度目标（已设定则修改）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/targets/{id:guid}/breakdown", async (Guid id, TargetBreakdownHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetTargetBreakdown")
            .WithSummary("年度目标及其在直属下级地区的分解和完成情况")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/targets/{id:guid}/breakdown", async (Guid id, BreakdownInput body, TargetBreakdownHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.BreakDownAsync(id, body, ct)))
            .WithPermission(IndicatorsPermissions.SetTarget)
            .WithName("BreakDownTarget")
            .WithSummary("把年度目标分解到直属下级地区（各地合计须等于上级目标，原有分解整体替换）")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/milestones", async (string? regionCode, int? year, MilestonesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(regionCode, year, ct)))
            .WithName("ListMilestones")
            .WithSummary("查询年度节点任务（无法量化的工作承诺：责任单位、完成时限与完成情况）");
        api.MapPost("/milestones", async (MilestoneInput body, MilestonesHandler handler, CancellationToken ct) =>
        {
            var id = await handler.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/milestones?year={body.Year}&regionCode={body.RegionCode}", new Created(id));
        })
            .WithPermission(IndicatorsPermissions.SetTarget)
            .WithName("CreateMilestone")
            .WithSummary("新增年度节点任务");
        api.MapPost("/milestones/{id:guid}/complete", async (Guid id, MilestoneCompletion body, MilestonesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CompleteAsync(id, body, ct)))
            .WithPermission(IndicatorsPermissions.SetTarget)
            .WithName("CompleteMilestone")
            .WithSummary("登记节点任务已完成")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
