using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Transfer;

public static class TransferApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/transfer").RequireAuthorization().WithTags("技术转移");
        MapStations(api);
        MapEvents(api);
        MapDemands(api);
        MapCooperations(api);
        MapProjects(api);
        return app;
    }

    private static void MapStations(RouteGroupBuilder api)
    {
        // openedBefore: stations opened before that day (or with no day), the records of transfer.stations.
        api.MapGet("/stations", async (string? regionCode, Guid? institutionId, DateOnly? openedBefore, [AsParameters] ListQuery list, ListStationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new StationQuery(regionCode, institutionId, openedBefore, list), ct)))
            .WithName("ListTransferStations")
            .WithSummary("查询技术转移中心（工作站）");
        api.MapGet("/stations/export", async (string? regionCode, Guid? institutionId, DateOnly? openedBefore, [AsParameters] ListQuery list, FromReports<ListStationsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Stations.Export.FileAsync(db, await handler.Handler.AllAsync(new StationQuery(regionCode, institutionId, openedBefore, list), ct), ct))
            .WithName("ExportTransferStations")
            .WithSummary("导出技术转移中心（工作站）");
        api.MapGet("/stations/import-template", () => TransferSheets.Stations.Sheet.Template())
            .WithName("GetTransferStationImportTemplate")
            .WithSummary("下载工作站导入模板");
        api.MapPost("/stations/import", async (ImportFile file, ImportStationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(TransferPermissions.CreateStations)
            .WithName("ImportTransferStations")
            .WithSummary("导入工作站（有错误行则全部不导入）");
        api.MapPost("/stations", async Task<Created<Created>> (StationInput body, CreateStationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/stations/{id}", new Created(id));
        })
            .WithPermission(TransferPermissions.CreateStations)
            .WithName("CreateTransferStation")
            .WithSummary("新增技术转移中心（工作站）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/stations/{id:guid}", async (Guid id, GetStationHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetTransferStation")
            .WithSummary("查看工作站");
        api.MapPut("/stations/{id:guid}", async (Guid id, StationInput body, UpdateStationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeStations)
            .WithName("UpdateTransferStation")
            .WithSummary("修改工作站")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/stations/{id:guid}/assessments", async (Guid id, ListAssessmentsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListStationAssessments")
            .WithSummary("工作站的年度考核（含各项得分）");
        api.MapPost("/stations/{id:guid}/assessments", async Task<Created<Created>> (Guid id, AssessmentInput body, AddAssessmentHandler handler, CancellationToken ct) =>
        {
            var assessmentId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/transfer/stations/{id}/assessments", new Created(assessmentId));
        })
            .WithPermission(TransferPermissions.Assess)
            .WithName("AddStationAssessment")
            .WithSummary("登记工作站年度考核（按考核办法计分、定等次）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/stations/{id:guid}/payments", async Task<Created<Created>> (Guid id, StationPaymentInput body, AddStationPaymentHandler handler, CancellationToken ct) =>
        {
            var paymentId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/transfer/payments?stationId={id}", new Created(paymentId));
        })
            .WithPermission(TransferPermissions.RecordPayments)
            .WithName("AddStationPayment")
            .WithSummary("登记工作站工作经费、考核奖励兑现")
            .ProducesProblem(StatusCodes.Status409Conflict);
        // The records of transfer.station-funds.
        api.MapGet("/payments", async (Guid? stationId, string? regionCode, DateOnly? from, DateOnly? to, string? kind, [AsParameters] ListQuery list,
            ListStationPaymentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new StationPaymentQuery(stationId, regionCode, from, to, kind, list), ct)))
            .WithName("ListStationPayments")
            .WithSummary("查询工作站经费及奖励兑现");
        api.MapGet("/payments/export", async (Guid? stationId, string? regionCode, DateOnly? from, DateOnly? to, string? kind, [AsParameters] ListQuery list,
            FromReports<ListStationPaymentsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Payments.FileAsync(db, await handler.Handler.AllAsync(new StationPaymentQuery(stationId, regionCode, from, to, kind, list), ct), ct))
            .WithName("ExportStationPayments")
            .WithSummary("导出工作站经费及奖励兑现");
        api.MapGet("/schemes", async (string? regionCode, ListSchemesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(regionCode, ct)))
            .WithName("ListAssessmentSchemes")
            .WithSummary("查询工作站考核办法");
        api.MapPost("/schemes", async Task<Results<Created<Created>, Ok<Created>>> (SchemeInput body, SaveSchemeHandler handler, CancellationToken ct) =>
        {
            var (id, created) = await handler.HandleAsync(body, ct);
            return created ? TypedResults.Created($"/api/v1/transfer/schemes", new Created(id)) : TypedResults.Ok(new Created(id));
        })
            .WithPermission(TransferPermissions.Assess)
            .WithName("SaveAssessmentScheme")
            .WithSummary("设置（或替换）某年度的工作站考核办法：各指标每单位分值、封顶分值和等次线")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapEvents(RouteGroupBuilder api)
    {
        api.MapGet("/events", async (string? regionCode, DateOnly? from, DateOnly? to, string? mode, Guid? stationId, [AsParameters] ListQuery list, ListEventsHandler handler,
            CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new EventQuery(regionCode, from, to, mode, stationId, list), ct)))
            .WithName("ListMatchmakingEvents")
            .WithSummary("查询对接活动");
        api.MapGet("/events/export", async (string? regionCode, DateOnly? from, DateOnly? to, string? mode, Guid? stationId, [AsParameters] ListQuery list,
            FromReports<ListEventsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.MatchmakingEvents.FileAsync(db, await handler.Handler.AllAsync(new EventQuery(regionCode, from, to, mode, stationId, list), ct), ct))
            .WithName("ExportMatchmakingEvents")
            .WithSummary("导出对接活动");
        api.MapPost("/events", async Task<Created<Created>> (EventInput body, CreateMatchmakingHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/events/{id}", new Created(id));
        })
            .WithPermission(TransferPermissions.ChangeEvents)
            .WithName("CreateMatchmakingEvent")
            .WithSummary("登记对接活动");
        api.MapGet("/events/{id:guid}", async (Guid id, GetMatchmakingHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetMatchmakingEvent")
            .WithSummary("查看对接活动及参加的专家、企业");
        api.MapPut("/events/{id:guid}", async (Guid id, EventInput body, UpdateMatchmakingHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeEvents)
            .WithName("UpdateMatchmakingEvent")
            .WithSummary("修改对接活动");
        api.MapPost("/events/{id:guid}/attendances", async Task<Created<Created>> (Guid id, AttendanceInput body, AddAttendanceHandler handler, CancellationToken ct) =>
        {
            var attendanceId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/transfer/events/{id}", new Created(attendanceId));
        })
            .WithPermission(TransferPermissions.ChangeEvents)
            .WithName("AddExpertAttendance")
            .WithSummary("登记参加活动的专家（一人一次计一人次）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        // The records of transfer.expert-attendances.
        api.MapGet("/attendances", async (string? regionCode, DateOnly? from, DateOnly? to, string? mode, Guid? stationId, [AsParameters] ListQuery list,
            ListAttendancesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new EventQuery(regionCode, from, to, mode, stationId, list), ct)))
            .WithName("ListExpertAttendances")
            .WithSummary("查询专家对接人次");
        api.MapGet("/attendances/export", async (string? regionCode, DateOnly? from, DateOnly? to, string? mode, Guid? stationId, [AsParameters] ListQuery list,
            FromReports<ListAttendancesHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Attendances.FileAsync(db, await handler.Handler.AllAsync(new EventQuery(regionCode, from, to, mode, stationId, list), ct), ct))
            .WithName("ExportExpertAttendances")
            .WithSummary("导出专家对接人次");
    }

    private static void MapDemands(RouteGroupBuilder api)
    {
        api.MapGet("/demands", async (string? regionCode, string? status, string? kind, Guid? campaignId, Guid? enterpriseId, DateOnly? from, DateOnly? to,
            [AsParameters] ListQuery list, ListDemandsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new DemandQuery(regionCode, status, kind, campaignId, enterpriseId, from, to, list), ct)))
            .WithName("ListDemands")
            .WithSummary("查询企业技术和人才需求");
        api.MapGet("/demands/export", async (string? regionCode, string? status, string? kind, Guid? campaignId, Guid? enterpriseId, DateOnly? from, DateOnly? to,
            [AsParameters] ListQuery list, FromReports<ListDemandsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Demands.Export.FileAsync(db, await handler.Handler.AllAsync(new DemandQuery(regionCode, status, kind, campaignId, enterpriseId, from, to, list), ct), ct))
            .WithName("ExportDemands")
            .WithSummary("导出企业技术和人才需求");
        api.MapGet("/demands/import-template", () => TransferSheets.Demands.Sheet.Template())
            .WithName("GetDemandImportTemplate")
            .WithSummary("下载需求导入模板");
        api.MapPost("/demands/import", async (ImportFile file, ImportDemandsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(TransferPermissions.CreateDemands)
            .WithName("ImportDemands")
            .WithSummary("导入需求（有错误行则全部不导入）");
        api.MapPost("/demands", async Task<Created<Created>> (DemandInput body, CreateDemandHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/demands/{id}", new Created(id));
        })
            .WithPermission(TransferPermissions.CreateDemands)
            .WithName("CreateDemand")
            .WithSummary("发布（登记）需求");
        api.MapGet("/demands/{id:guid}", async (Guid id, GetDemandHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetDemand")
            .WithSummary("查看需求");
        api.MapPut("/demands/{id:guid}", async (Guid id, DemandInput body, UpdateDemandHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeDemands)
            .WithName("UpdateDemand")
            .WithSummary("修改需求")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/demands/{id:guid}/status", async (Guid id, DemandStatusInput body, UpdateDemandStatusHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.MoveDemands)
            .WithName("UpdateDemandStatus")
            .WithSummary("变更需求状态：open（征集中）→ matched（已对接）→ cooperating（合作中）→ closed（已关闭）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/campaigns", async (string? regionCode, ListCampaignsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(regionCode, ct)))
            .WithName("ListDemandCampaigns")
            .WithSummary("查询需求征集");
        api.MapPost("/campaigns", async Task<Created<Created>> (CampaignInput body, CreateCampaignHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/demands?campaignId={id}", new Created(id));
        })
            .WithPermission(TransferPermissions.MoveDemands)
            .WithName("CreateDemandCampaign")
            .WithSummary("发起需求征集");
    }

    private static void MapCooperations(RouteGroupBuilder api)
    {
        api.MapGet("/cooperations", async (string? regionCode, string? kind, Guid? demandId, Guid? stationId, Guid? institutionId, DateOnly? from, DateOnly? to,
            [AsParameters] ListQuery list, ListCooperationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new CooperationQuery(regionCode, kind, demandId, stationId, institutionId, from, to, list), ct)))
            .WithName("ListCooperations")
            .WithSummary("查询校企合作");
        api.MapGet("/cooperations/export", async (string? regionCode, string? kind, Guid? demandId, Guid? stationId, Guid? institutionId, DateOnly? from, DateOnly? to,
            [AsParameters] ListQuery list, FromReports<ListCooperationsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Cooperations.Export.FileAsync(db,
                await handler.Handler.AllAsync(new CooperationQuery(regionCode, kind, demandId, stationId, institutionId, from, to, list), ct), ct))
            .WithName("ExportCooperations")
            .WithSummary("导出校企合作");
        api.MapGet("/cooperations/import-template", () => TransferSheets.Cooperations.Sheet.Template())
            .WithName("GetCooperationImportTemplate")
            .WithSummary("下载校企合作导入模板");
        api.MapPost("/cooperations/import", async (ImportFile file, ImportCooperationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(TransferPermissions.CreateCooperations)
            .WithName("ImportCooperations")
            .WithSummary("导入校企合作（有错误行则全部不导入）");
        api.MapPost("/cooperations", async Task<Created<Created>> (CooperationInput body, CreateCooperationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/cooperations/{id}", new Created(id));
        })
            .WithPermission(TransferPermissions.CreateCooperations)
            .WithName("CreateCooperation")
            .WithSummary("登记校企合作（来自需求时，需求转为合作中）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/cooperations/{id:guid}", async (Guid id, GetCooperationHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetCooperation")
            .WithSummary("查看校企合作");
        api.MapPut("/cooperations/{id:guid}", async (Guid id, CooperationInput body, UpdateCooperationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeCooperations)
            .WithName("UpdateCooperation")
            .WithSummary("修改校企合作")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapProjects(RouteGroupBuilder api)
    {
        // The records of transfer.institute-county-projects (and, with major=true, of the major ones).
        api.MapGet("/projects", async (string? regionCode, DateOnly? from, DateOnly? to, bool? major, [AsParameters] ListQuery list, ListInstituteProjectsHandler handler,
            CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ProjectQuery(regionCode, from, to, major, list), ct)))
            .WithName("ListInstituteCountyProjects")
            .WithSummary("查询院县科技合作项目");
        api.MapGet("/projects/export", async (string? regionCode, DateOnly? from, DateOnly? to, bool? major, [AsParameters] ListQuery list, FromReports<ListInstituteProjectsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await TransferSheets.Projects.FileAsync(db, await handler.Handler.AllAsync(new ProjectQuery(regionCode, from, to, major, list), ct), ct))
            .WithName("ExportInstituteCountyProjects")
            .WithSummary("导出院县科技合作项目");
        api.MapPost("/projects", async Task<Created<Created>> (ProjectInput body, CreateInstituteProjectHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/projects?q={Uri.EscapeDataString(body.Name ?? "")}", new Created(id));
        })
            .WithPermission(TransferPermissions.ChangeProjects)
            .WithName("CreateInstituteCountyProject")
            .WithSummary("登记院县科技合作项目");
        api.MapPut("/projects/{id:guid}", async (Guid id, ProjectInput body, UpdateInstituteProjectHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeProjects)
            .WithName("UpdateInstituteCountyProject")
            .WithSummary("修改院县科技合作项目");
        api.MapGet("/key-labs", async (string? regionCode, string? kind, [AsParameters] ListQuery list, ListKeyLabsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(regionCode, kind, list, ct)))
            .WithName("ListKeyLabs")
            .WithSummary("查询重点实验室、产业研究院及其认定环节");
        api.MapGet("/key-labs/export", async (string? regionCode, string? kind, [AsParameters] ListQuery list, FromReports<ListKeyLabsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TransferSheets.KeyLabs.FileAsync(db, await handler.Handler.AllAsync(regionCode, kind, list, ct), ct))
            .WithName("ExportKeyLabs")
            .WithSummary("导出重点实验室、产业研究院及其认定环节");
        api.MapPost("/key-labs", async Task<Created<Created>> (KeyLabInput body, CreateKeyLabHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/transfer/key-labs?q={Uri.EscapeDataString(body.Name ?? "")}", new Created(id));
        })
            .WithPermission(TransferPermissions.ChangeKeyLabs)
            .WithName("CreateKeyLab")
            .WithSummary("登记重点实验室、产业研究院");
        api.MapPut("/key-labs/{id:guid}", async (Guid id, KeyLabInput body, UpdateKeyLabHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TransferPermissions.ChangeKeyLabs)
            .WithName("UpdateKeyLab")
            .WithSummary("修改重点实验室、产业研究院");
        api.MapPost("/key-labs/{id:guid}/recognitions", async Task<Created<Created>> (Guid id, RecognitionInput body, AddRecognitionHandler handler, CancellationToken ct) =>
        {
            var recognitionId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/transfer/key-labs", new Created(recognitionId));
        })
            .WithPermission(TransferPermissions.ChangeKeyLabs)
            .WithName("AddKeyLabRecognition")
            .WithSummary("登记认定环节（列入建设名单、验收通过、正式认定、撤销）")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
