using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Carriers;

public static class CarriersApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapCarriersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/carriers").RequireAuthorization().WithTags("创新载体");

        // at: the day registered and resident enterprises (and the occupancy rate) are counted on, from the tenancy history;
        // openedYear: carriers opened (buildings handed over) in that year, the records of carriers.buildings-delivered.
        api.MapGet("", async (string? kind, string? status, string? regionCode, Guid? parentId, DateOnly? at, int? openedYear, [AsParameters] ListQuery list, ListCarriersHandler handler,
            CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new CarrierQuery(kind, status, regionCode, parentId, list, at, openedYear), ct)))
            .WithName("ListCarriers")
            .WithSummary("查询创新载体");
        api.MapGet("/export", async (string? kind, string? status, string? regionCode, Guid? parentId, DateOnly? at, int? openedYear, [AsParameters] ListQuery list, FromReports<ListCarriersHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await CarrierListSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new CarrierQuery(kind, status, regionCode, parentId, list, at, openedYear), ct), ct))
            .WithName("ExportCarriers")
            .WithSummary("导出创新载体");
        api.MapPost("", async Task<Created<Created>> (CarrierInput body, CreateCarrierHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/carriers/{id}", new Created(id));
        })
            .WithPermission(CarriersPermissions.Create)
            .WithName("CreateCarrier")
            .WithSummary("新增创新载体")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Tenancy sheets of the caller's carriers (all, one region's or one carrier's).
        api.MapGet("/tenancies", async (Guid? carrierId, string? regionCode, bool? currentOnly, string? kind, string? q, int? page, int? pageSize, ListTenanciesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new TenancyQuery(carrierId, regionCode, currentOnly, kind, q, page, pageSize), ct)))
            .WithName("ListTenancies")
            .WithSummary("查询载体入驻企业");
        api.MapGet("/tenancies/export", async (Guid? carrierId, string? regionCode, bool? currentOnly, string? kind, string? q, FromReports<ListTenanciesHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TenancySheet.Export.FileAsync(db, await handler.Handler.AllAsync(new TenancyQuery(carrierId, regionCode, currentOnly, kind, q), ct), ct))
            .WithName("ExportTenancies")
            .WithSummary("导出载体入驻企业");
        api.MapGet("/tenancies/import-template", () => TenancySheet.Sheet.Template())
            .WithName("GetTenancyImportTemplate")
            .WithSummary("下载入驻企业导入模板");
        api.MapPost("/tenancies/import", async (ImportFile file, ImportTenanciesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(CarriersPermissions.ChangeTenancies)
            .WithName("ImportTenancies")
            .WithSummary("导入载体入驻企业（有错误行则全部不导入）");

        // The records counted by enterprises.park-tech-sme-count (T5).
        api.MapGet("/park-tech-smes", async (string? regionCode, int? year, [AsParameters] ListQuery list, ListParkTechSmesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(regionCode, year, list, ct)))
            .WithName("ListParkTechSmes")
            .WithSummary("园区科技型中小企业名单");
        api.MapGet("/park-tech-smes/export", async (string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListParkTechSmesHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await CarrierListSheet.ParkTechSmes.FileAsync(db, await handler.Handler.AllAsync(regionCode, year, list, ct), ct))
            .WithName("ExportParkTechSmes")
            .WithSummary("导出园区科技型中小企业名单");

        // Money records of carriers (购房款, 违约处置挽回); with carrierKind=enclave, what the enclave indicators count (C6, C7).
        api.MapGet("/payments", async (Guid? carrierId, string? regionCode, string? kind, string? carrierKind, int? year, [AsParameters] ListQuery list,
            ListCarrierPaymentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new PaymentQuery(carrierId, regionCode, kind, carrierKind, year, list), ct)))
            .WithName("ListCarrierPayments")
            .WithSummary("查询载体资金记录（购房款、违约处置挽回）");
        api.MapGet("/payments/export", async (Guid? carrierId, string? regionCode, string? kind, string? carrierKind, int? year, [AsParameters] ListQuery list,
            FromReports<ListCarrierPaymentsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await CarrierListSheet.Payments.FileAsync(db, await handler.Handler.AllAsync(new PaymentQuery(carrierId, regionCode, kind, carrierKind, year, list), ct), ct))
            .WithName("ExportCarrierPayments")
            .WithSummary("导出载体资金记录");
        api.MapPost("/{id:guid}/payments", async Task<Created<Created>> (Guid id, PaymentInput body, AddCarrierPaymentHandler handler, CancellationToken ct) =>
        {
            var paymentId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/carriers/payments?carrierId={id}", new Created(paymentId));
        })
            .WithPermission(CarriersPermissions.RecordPayments)
            .WithName("AddCarrierPayment")
            .WithSummary("登记载体资金记录（购房款分期支付、违约处置挽回）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/{id:guid}", async (Guid id, DateOnly? at, GetCarrierHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, at, ct)))
            .WithName("GetCarrier")
            .WithSummary("查看创新载体");
        api.MapPut("/{id:guid}", async (Guid id, CarrierInput body, UpdateCarrierHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.Change)
            .WithName("UpdateCarrier")
            .WithSummary("修改创新载体")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/tenancies", async (Guid id, bool? currentOnly, string? kind, string? q, int? page, int? pageSize, ListTenanciesHandler handler, GetCarrierHandler carriers, CancellationToken ct) =>
        {
            await carriers.HandleAsync(id, ct); // 404 outside the caller's scope rather than an empty list
            return TypedResults.Ok(await handler.HandleAsync(new TenancyQuery(id, null, currentOnly, kind, q, page, pageSize), ct));
        })
            .WithName("ListCarrierTenancies")
            .WithSummary("某载体的入驻企业");
        api.MapPost("/{id:guid}/tenancies", async Task<Created<Created>> (Guid id, TenancyInput body, AddTenancyHandler handler, CancellationToken ct) =>
        {
            var tenancyId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/carriers/{id}/tenancies/{tenancyId}", new Created(tenancyId));
        })
            .WithPermission(CarriersPermissions.ChangeTenancies)
            .WithName("AddTenancy")
            .WithSummary("登记企业入驻")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/tenancies/{tenancyId:guid}/end", async (Guid id, Guid tenancyId, EndTenancyInput body, EndTenancyHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, tenancyId, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeTenancies)
            .WithName("EndTenancy")
            .WithSummary("登记企业迁出")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Units of a building or space, each with its occupant on the day asked (today when not given).
        api.MapGet("/{id:guid}/units", async (Guid id, DateOnly? at, ListUnitsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, at, ct)))
            .WithName("ListCarrierUnits")
            .WithSummary("某载体的单元及其入驻企业");
        api.MapPost("/{id:guid}/units", async Task<Created<Created>> (Guid id, UnitInput body, CreateUnitHandler handler, CancellationToken ct) =>
        {
            var unitId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/carriers/{id}/units", new Created(unitId));
        })
            .WithPermission(CarriersPermissions.ChangeUnits)
            .WithName("CreateCarrierUnit")
            .WithSummary("登记单元")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:guid}/units/{unitId:guid}", async (Guid id, Guid unitId, UnitInput body, UpdateUnitHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, unitId, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeUnits)
            .WithName("UpdateCarrierUnit")
            .WithSummary("修改单元")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Land parcels and construction projects have groups of their own: under /api/v1/carriers their item paths
        // (/carriers/parcels/{id}) would cross the carriers' own (/carriers/{id}/tenancies) and resolve ambiguously.
        var parcels = app.MapGroup("/api/v1/parcels").RequireAuthorization().WithTags("创新载体");
        // Land parcels (地块) and their approval steps; the list with step and year is what carriers.land-supplied-area counts (T1).
        parcels.MapGet("", async (string? regionCode, Guid? carrierId, string? step, int? year, [AsParameters] ListQuery list, ListParcelsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ParcelQuery(regionCode, carrierId, step, year, list), ct)))
            .WithName("ListParcels")
            .WithSummary("查询土地地块");
        parcels.MapGet("/export", async (string? regionCode, Guid? carrierId, string? step, int? year, [AsParameters] ListQuery list, FromReports<ListParcelsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await CarrierListSheet.Parcels.FileAsync(db, await handler.Handler.AllAsync(new ParcelQuery(regionCode, carrierId, step, year, list), ct), ct))
            .WithName("ExportParcels")
            .WithSummary("导出土地地块");
        parcels.MapPost("", async Task<Created<Created>> (ParcelInput body, CreateParcelHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/parcels/{id}", new Created(id));
        })
            .WithPermission(CarriersPermissions.ChangeParcels)
            .WithName("CreateParcel")
            .WithSummary("登记土地地块")
            .ProducesProblem(StatusCodes.Status409Conflict);
        parcels.MapGet("/{id:guid}", async (Guid id, GetParcelHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetParcel")
            .WithSummary("查看土地地块及其审批环节");
        parcels.MapPut("/{id:guid}", async (Guid id, ParcelInput body, UpdateParcelHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeParcels)
            .WithName("UpdateParcel")
            .WithSummary("修改土地地块")
            .ProducesProblem(StatusCodes.Status409Conflict);
        parcels.MapPost("/{id:guid}/steps", async Task<Created<Created>> (Guid id, ParcelStepInput body, AddParcelStepHandler handler, CancellationToken ct) =>
        {
            var stepId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/parcels/{id}", new Created(stepId));
        })
            .WithPermission(CarriersPermissions.ChangeParcels)
            .WithName("AddParcelStep")
            .WithSummary("登记地块审批环节（控规调整、农转用、分割方案、供地）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        parcels.MapPut("/{id:guid}/steps/{stepId:guid}", async (Guid id, Guid stepId, ParcelStepInput body, UpdateParcelStepHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, stepId, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeParcels)
            .WithName("UpdateParcelStep")
            .WithSummary("修改地块审批环节的日期")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var projects = app.MapGroup("/api/v1/construction-projects").RequireAuthorization().WithTags("创新载体");
        // Construction projects: milestones with planned and actual days, monthly 工程形象进度 (carriers.project-progress, T2).
        projects.MapGet("", async (string? regionCode, Guid? carrierId, int? year, [AsParameters] ListQuery list, ListProjectsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ProjectQuery(regionCode, carrierId, year, list), ct)))
            .WithName("ListProjects")
            .WithSummary("查询建设项目");
        projects.MapGet("/export", async (string? regionCode, Guid? carrierId, int? year, [AsParameters] ListQuery list, FromReports<ListProjectsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await CarrierListSheet.Projects.FileAsync(db, await handler.Handler.AllAsync(new ProjectQuery(regionCode, carrierId, year, list), ct), ct))
            .WithName("ExportProjects")
            .WithSummary("导出建设项目");
        projects.MapPost("", async Task<Created<Created>> (ProjectInput body, CreateProjectHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/construction-projects/{id}", new Created(id));
        })
            .WithPermission(CarriersPermissions.ChangeProjects)
            .WithName("CreateProject")
            .WithSummary("登记建设项目")
            .ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapGet("/{id:guid}", async (Guid id, GetProjectHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetProject")
            .WithSummary("查看建设项目及其里程碑");
        projects.MapPut("/{id:guid}", async (Guid id, ProjectInput body, UpdateProjectHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeProjects)
            .WithName("UpdateProject")
            .WithSummary("修改建设项目")
            .ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapPut("/{id:guid}/milestones/{kind}", async (Guid id, string kind, MilestoneInput body, SaveProjectMilestoneHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, kind, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(CarriersPermissions.ChangeProjects)
            .WithName("SaveProjectMilestone")
            .WithSummary("登记或修改项目里程碑的计划与实际日期")
            .ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapGet("/{id:guid}/progress", async (Guid id, ListProgressReportsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListProgressReports")
            .WithSummary("项目逐月工程形象进度");
        projects.MapPost("/{id:guid}/progress", async Task<Created<Created>> (Guid id, ProgressInput body, AddProgressReportHandler handler, CancellationToken ct) =>
        {
            var reportId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/construction-projects/{id}/progress", new Created(reportId));
        })
            .WithPermission(CarriersPermissions.ChangeProjects)
            .WithName("AddProgressReport")
            .WithSummary("填报月度工程形象进度")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
