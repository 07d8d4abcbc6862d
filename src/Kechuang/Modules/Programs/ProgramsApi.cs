using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Programs;

public static class ProgramsApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/programs").RequireAuthorization().WithTags("科技计划");

        api.MapGet("/calls", async (int? year, string? level, string? category, [AsParameters] ListQuery list, ListCallsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new CallQuery(year, level, category, list), ct)))
            .WithName("ListPlanCalls")
            .WithSummary("查询申报通知");
        api.MapGet("/calls/export", async (int? year, string? level, string? category, [AsParameters] ListQuery list, FromReports<ListCallsHandler> handler, KechuangDb db,
            CancellationToken ct) =>
            await CallSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new CallQuery(year, level, category, list), ct), ct))
            .WithName("ExportPlanCalls")
            .WithSummary("导出申报通知");
        api.MapPost("/calls", async Task<Created<Created>> (CallInput body, CreateCallHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/programs/calls/{id}", new Created(id));
        })
            .WithPermission(ProgramsPermissions.Calls)
            .WithName("CreatePlanCall")
            .WithSummary("发布申报通知");
        api.MapGet("/calls/{id:guid}", async (Guid id, GetCallHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPlanCall")
            .WithSummary("查看申报通知");
        api.MapPut("/calls/{id:guid}", async (Guid id, CallInput body, UpdateCallHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(ProgramsPermissions.Calls)
            .WithName("UpdatePlanCall")
            .WithSummary("修改申报通知（已有专家评分的不能再改评审指标）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/calls/{id:guid}/ranking", async (Guid id, GetCallRankingHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPlanCallRanking")
            .WithSummary("查看申报通知下项目的评审排序");

        // With stage and year, the records an indicator counts (programs.applications, .recommended, .approved, .accepted).
        api.MapGet("/applications", async (Guid? callId, string? regionCode, int? year, string? level, string? category, string? status, string? stage, bool? overdue,
            [AsParameters] ListQuery list, ListApplicationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ApplicationQuery(callId, regionCode, year, level, category, status, stage, overdue ?? false, list), ct)))
            .WithName("ListPlanApplications")
            .WithSummary("查询科技计划项目申报");
        api.MapGet("/applications/export", async (Guid? callId, string? regionCode, int? year, string? level, string? category, string? status, string? stage,
            bool? overdue, [AsParameters] ListQuery list, FromReports<ListApplicationsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await ApplicationSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new ApplicationQuery(callId, regionCode, year, level, category, status, stage, overdue ?? false, list), ct), ct))
            .WithName("ExportPlanApplications")
            .WithSummary("导出科技计划项目申报");
        api.MapGet("/applications/import-template", () => ApplicationSheet.Sheet.Template())
            .WithName("GetPlanApplicationImportTemplate")
            .WithSummary("下载项目申报导入模板");
        api.MapPost("/applications/import", async (ImportFile file, ImportApplicationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(ProgramsPermissions.Submit)
            .WithName("ImportPlanApplications")
            .WithSummary("导入科技计划项目申报（有错误行则全部不导入）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/applications", async Task<Created<Created>> (ApplicationInput body, SubmitApplicationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/programs/applications/{id}", new Created(id));
        })
            .WithPermission(ProgramsPermissions.Submit)
            .WithName("SubmitPlanApplication")
            .WithSummary("提交科技计划项目申报")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/applications/{id:guid}", async (Guid id, GetApplicationHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPlanApplication")
            .WithSummary("查看项目申报、评审、异议和办理记录");
        api.MapPut("/applications/{id:guid}", async (Guid id, ApplicationInput body, UpdateApplicationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(ProgramsPermissions.Submit)
            .WithName("UpdatePlanApplication")
            .WithSummary("修改项目申报（形式审查前或退回后）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/applications/{id:guid}/recommendation-letter", async Task<FileContentHttpResult> (Guid id, DownloadRecommendationLetterHandler handler, CancellationToken ct) =>
        {
            var letter = await handler.HandleAsync(id, ct);
            return TypedResults.File(letter.Content, DocxType, letter.FileName);
        })
            .Produces<byte[]>(StatusCodes.Status200OK, DocxType)
            .WithName("DownloadRecommendationLetter")
            .WithSummary("下载推荐函（.docx）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        Step<CheckInput, DecideFormalCheckHandler>(api, "formal-check", ProgramsPermissions.Review, "DecidePlanFormalCheck", "形式审查", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<AssignInput, AssignReviewersHandler>(api, "reviewers", ProgramsPermissions.Review, "AssignPlanReviewers", "指派评审专家", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, ReviewApplicationHandler>(api, "review", ProgramsPermissions.Review, "ReviewPlanApplication", "汇总评审结果", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        api.MapPost("/applications/{id:guid}/recommend", async Task<Created<Created>> (Guid id, RecommendInput body, RecommendApplicationHandler handler, CancellationToken ct) =>
        {
            var onward = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/programs/applications/{onward}", new Created(onward));
        })
            .WithPermission(ProgramsPermissions.Review)
            .WithName("RecommendPlanApplication")
            .WithSummary("推荐上报到上级申报通知")
            .ProducesProblem(StatusCodes.Status409Conflict);
        Step<DayInput, PublishNoticeHandler>(api, "notice", ProgramsPermissions.Decide, "PublishPlanNotice", "拟立项公示", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        api.MapPost("/applications/{id:guid}/objections", async Task<Created<Created>> (Guid id, ObjectionInput body, RegisterObjectionHandler handler, CancellationToken ct) =>
        {
            var objection = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/programs/applications/{id}", new Created(objection));
        })
            .WithPermission(ProgramsPermissions.Decide)
            .WithName("RegisterPlanObjection")
            .WithSummary("登记公示异议")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/applications/{id:guid}/objections/{objectionId:guid}/decision", async (Guid id, Guid objectionId, ResolveObjectionInput body,
            DecideObjectionHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, objectionId, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(ProgramsPermissions.Decide)
            .WithName("DecidePlanObjection")
            .WithSummary("处理公示异议")
            .ProducesProblem(StatusCodes.Status409Conflict);
        Step<ApproveInput, ApproveApplicationHandler>(api, "approve", ProgramsPermissions.Decide, "ApprovePlanApplication", "立项", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, RefuseApplicationHandler>(api, "refuse", ProgramsPermissions.Decide, "RefusePlanApplication", "不予立项", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<TaskContractInput, RegisterTaskContractHandler>(api, "contract", ProgramsPermissions.Implement, "RegisterPlanTaskContract", "签订任务书",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<MidtermInput, RegisterMidtermCheckHandler>(api, "midterm", ProgramsPermissions.Implement, "RegisterPlanMidtermCheck", "登记中期检查",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<ExtensionInput, RegisterExtensionHandler>(api, "extension", ProgramsPermissions.Implement, "RegisterPlanExtension", "登记延期（至多一次，不超过12个月）",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, SubmitAcceptanceRequestHandler>(api, "acceptance-request", ProgramsPermissions.RequestAcceptance, "SubmitPlanAcceptanceRequest",
            "申请验收（实施期内或期满6个月内）", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<AcceptanceInput, DecideAcceptanceHandler>(api, "acceptance", ProgramsPermissions.Implement, "DecidePlanAcceptance", "登记验收结论",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<EvaluationInput, RegisterEvaluationHandler>(api, "evaluation", ProgramsPermissions.Implement, "RegisterPlanEvaluation", "登记绩效评价",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));

        // The expert's own assignments: nothing else of the module is listed to them.
        api.MapGet("/reviews/mine", async (bool? open, ListMyReviewsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(open ?? false, ct)))
            .WithName("ListMyPlanReviews")
            .WithSummary("我的评审任务");
        api.MapGet("/reviewers", async (string? regionCode, ListReviewerChoicesHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(regionCode, ct)))
            .WithName("ListPlanReviewers")
            .WithSummary("可指派的评审专家");
        Step<ScoreInput, SubmitScoreHandler>(api, "score", ProgramsPermissions.Score, "SubmitPlanScore", "专家评分（已声明回避的为409）",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<ConflictInput, RegisterConflictHandler>(api, "conflict", ProgramsPermissions.Score, "RegisterPlanConflict", "专家声明回避",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        return app;
    }

    /// <summary>A workflow step: POST …/applications/{id}/{path}, 204 when done, 409 with a stable code when the state does not allow it.</summary>
    private static void Step<TInput, THandler>(RouteGroupBuilder api, string path, Permission permission, string name, string summary,
        Func<THandler, Guid, TInput, CancellationToken, Task> run) where THandler : notnull =>
        api.MapPost($"/applications/{{id:guid}}/{path}", async (Guid id, TInput body, THandler handler, CancellationToken ct) =>
        {
            await run(handler, id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(permission)
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
