using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Commissioners;

public static class CommissionersApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public sealed record Confirmed(Guid Id);

    public static IEndpointRouteBuilder MapCommissionersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/commissioners").RequireAuthorization().WithTags("科技特派员");

        // year: dispatches whose term touches that year.
        api.MapGet("", async (string? kind, string? level, string? regionCode, int? year, [AsParameters] ListQuery list, ListCommissionersHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new CommissionerQuery(kind, level, regionCode, year, list), ct)))
            .WithName("ListCommissioners")
            .WithSummary("查询科技特派员");
        api.MapGet("/export", async (string? kind, string? level, string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListCommissionersHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await CommissionerSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new CommissionerQuery(kind, level, regionCode, year, list), ct), ct))
            .WithName("ExportCommissioners")
            .WithSummary("导出科技特派员");
        api.MapGet("/import-template", () => CommissionerSheet.Sheet.Template())
            .WithName("GetCommissionerImportTemplate")
            .WithSummary("下载科技特派员导入模板");
        api.MapPost("/import", async (ImportFile file, ImportCommissionersHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(CommissionersPermissions.Change)
            .WithName("ImportCommissioners")
            .WithSummary("导入科技特派员（有错误行则全部不导入）");
        api.MapPost("", async Task<Created<Created>> (CommissionerInput body, CreateCommissionerHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/commissioners/{id}", new Created(id));
        })
            .WithPermission(CommissionersPermissions.Change)
            .WithName("CreateCommissioner")
            .WithSummary("登记科技特派员派驻")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}", async (Guid id, GetCommissionerHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetCommissioner")
            .WithSummary("查看科技特派员");
        api.MapPut("/{id:guid}", async (Guid id, CommissionerInput body, UpdateCommissionerHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CommissionersPermissions.Change)
            .WithName("UpdateCommissioner")
            .WithSummary("修改科技特派员派驻")
            .ProducesProblem(StatusCodes.Status409Conflict);
        // Computed from the year's service records under the configured scheme; never stored. A query, not /{id}/scorecard:
        // that path would cross /needs/{id}, /projects/{id} and /services/{id}.
        api.MapGet("/scorecard", async (Guid commissionerId, int year, GetScorecardHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(commissionerId, year, ct)))
            .WithName("GetCommissionerScorecard")
            .WithSummary("科技特派员年度考核评分（按服务记录计算）");

        // Needs surveyed (需求摸底); year is what commissioners.needs-surveyed counts.
        api.MapGet("/needs", async (string? status, string? regionCode, int? year, [AsParameters] ListQuery list, ListNeedsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new NeedQuery(status, regionCode, year, list), ct)))
            .WithName("ListCommissionerNeeds")
            .WithSummary("查询需求摸底");
        api.MapGet("/needs/export", async (string? status, string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListNeedsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await NeedExport.Sheet.FileAsync(db, await handler.Handler.AllAsync(new NeedQuery(status, regionCode, year, list), ct), ct))
            .WithName("ExportCommissionerNeeds")
            .WithSummary("导出需求摸底");
        api.MapPost("/needs", async Task<Created<Created>> (NeedInput body, CreateNeedHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/commissioners/needs/{id}", new Created(id));
        })
            .WithPermission(CommissionersPermissions.ChangeNeeds)
            .WithName("CreateCommissionerNeed")
            .WithSummary("登记需求摸底")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/needs/{id:guid}", async (Guid id, GetNeedHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetCommissionerNeed")
            .WithSummary("查看需求摸底");
        api.MapPut("/needs/{id:guid}", async (Guid id, NeedInput body, UpdateNeedHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CommissionersPermissions.ChangeNeeds)
            .WithName("UpdateCommissionerNeed")
            .WithSummary("修改需求摸底（对接状态）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Commissioner projects; year (to toYear) is what commissioners.projects counts.
        api.MapGet("/projects", async (string? level, int? year, int? toYear, string? regionCode, Guid? commissionerId, [AsParameters] ListQuery list,
            ListCommissionerProjectsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ProjectQuery(level, year, regionCode, commissionerId, list, toYear), ct)))
            .WithName("ListCommissionerProjects")
            .WithSummary("查询科技特派员项目");
        api.MapGet("/projects/export", async (string? level, int? year, int? toYear, string? regionCode, Guid? commissionerId, [AsParameters] ListQuery list,
            FromReports<ListCommissionerProjectsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await ProjectSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new ProjectQuery(level, year, regionCode, commissionerId, list, toYear), ct), ct))
            .WithName("ExportCommissionerProjects")
            .WithSummary("导出科技特派员项目");
        api.MapGet("/projects/import-template", () => ProjectSheet.Sheet.Template())
            .WithName("GetCommissionerProjectImportTemplate")
            .WithSummary("下载科技特派员项目导入模板");
        api.MapPost("/projects/import", async (ImportFile file, ImportCommissionerProjectsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(CommissionersPermissions.ChangeProjects)
            .WithName("ImportCommissionerProjects")
            .WithSummary("导入科技特派员项目（有错误行则全部不导入）");
        api.MapPost("/projects", async Task<Created<Created>> (ProjectInput body, CreateCommissionerProjectHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/commissioners/projects/{id}", new Created(id));
        })
            .WithPermission(CommissionersPermissions.ChangeProjects)
            .WithName("CreateCommissionerProject")
            .WithSummary("登记科技特派员项目")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/projects/{id:guid}", async (Guid id, GetCommissionerProjectHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetCommissionerProject")
            .WithSummary("查看科技特派员项目");
        api.MapPut("/projects/{id:guid}", async (Guid id, ProjectInput body, UpdateCommissionerProjectHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CommissionersPermissions.ChangeProjects)
            .WithName("UpdateCommissionerProject")
            .WithSummary("修改科技特派员项目")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Service records; kind with from/to is what the service indicators count.
        api.MapGet("/services", async (string? kind, Guid? commissionerId, string? regionCode, DateOnly? from, DateOnly? to, bool? confirmed, [AsParameters] ListQuery list,
            ListServicesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ServiceQuery(kind, commissionerId, regionCode, from, to, confirmed, list), ct)))
            .WithName("ListCommissionerServices")
            .WithSummary("查询科技特派员服务记录");
        api.MapGet("/services/export", async (string? kind, Guid? commissionerId, string? regionCode, DateOnly? from, DateOnly? to, bool? confirmed, [AsParameters] ListQuery list,
            FromReports<ListServicesHandler> handler, KechuangDb db, CancellationToken ct) =>
            await ServiceSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new ServiceQuery(kind, commissionerId, regionCode, from, to, confirmed, list), ct), ct))
            .WithName("ExportCommissionerServices")
            .WithSummary("导出科技特派员服务记录");
        api.MapGet("/services/import-template", () => ServiceSheet.Sheet.Template())
            .WithName("GetCommissionerServiceImportTemplate")
            .WithSummary("下载服务记录导入模板");
        api.MapPost("/services/import", async (ImportFile file, ImportServicesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(CommissionersPermissions.RecordServices)
            .WithName("ImportCommissionerServices")
            .WithSummary("导入科技特派员服务记录（有错误行则全部不导入）");
        api.MapPost("/services", async Task<Created<Created>> (ServiceInput body, CreateServiceHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/commissioners/services/{id}", new Created(id));
        })
            .WithPermission(CommissionersPermissions.RecordServices)
            .WithName("CreateCommissionerService")
            .WithSummary("登记服务记录（培训、引种、推广面积、走访、技术帮扶）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/services/confirm", async (ConfirmInput body, ConfirmServiceHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new Confirmed(await handler.HandleAsync(body, ct))))
            .WithPermission(CommissionersPermissions.ConfirmServices)
            .WithName("ConfirmCommissionerService")
            .WithSummary("凭确认码确认走访或技术帮扶记录")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/services/{id:guid}", async (Guid id, GetServiceHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetCommissionerService")
            .WithSummary("查看服务记录");
        api.MapPut("/services/{id:guid}", async (Guid id, ServiceInput body, UpdateServiceHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CommissionersPermissions.RecordServices)
            .WithName("UpdateCommissionerService")
            .WithSummary("修改服务记录")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}

/// <summary>The needs list's export (no import: needs are few and entered on the form).</summary>
public static class NeedExport
{
    public static readonly ExportSheet<NeedDto> Sheet = new ExportSheet<NeedDto>("需求摸底.xlsx", "commissioners_need")
        .Column("摸底日期", n => CommissionerSheet.Day(n.SurveyedOn))
        .Column("乡镇（街道）", n => n.RegionName)
        .Column("企业", n => n.EnterpriseName)
        .Column("所属产业", n => n.Industry)
        .Column("需求内容", n => n.Need)
        .Column("对接状态", n => n.StatusName)
        .Column("对接特派员", n => n.CommissionerName);
}
