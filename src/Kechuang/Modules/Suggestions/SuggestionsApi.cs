using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Suggestions;

public static class SuggestionsApi
{
    public sealed record Created(Guid Id);

    public sealed record ReplyCreated(int Number);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/suggestions").RequireAuthorization().WithTags("建议办理");

        api.MapGet("", async (string? regionCode, int? year, string? status, int? repliedYear, int? evaluatedYear, [AsParameters] ListQuery list,
                ListSuggestionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new SuggestionQuery(regionCode, year, status, list, repliedYear, evaluatedYear), ct)))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("ListSuggestions")
            .WithSummary("查询人大代表建议（按编号、标题或代表姓名搜索）");
        api.MapGet("/export", async (string? regionCode, int? year, string? status, int? repliedYear, int? evaluatedYear, [AsParameters] ListQuery list,
                FromReports<ListSuggestionsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await SuggestionSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new SuggestionQuery(regionCode, year, status, list, repliedYear, evaluatedYear), ct), ct))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("ExportSuggestions")
            .WithSummary("导出人大代表建议（当前筛选条件，可再导入）");
        api.MapGet("/import-template", () => SuggestionSheet.Sheet.Template())
            .WithName("GetSuggestionImportTemplate")
            .WithSummary("下载人大代表建议导入模板");
        api.MapPost("/import", async (ImportFile file, ImportSuggestionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(SuggestionsPermissions.Handle)
            .WithName("ImportSuggestions")
            .WithSummary("导入人大代表建议交办清单（有错误行则全部不导入）");
        api.MapPost("", async Task<Created<Created>> (SuggestionInput body, CreateSuggestionHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/suggestions/{id}", new Created(id));
        })
            .WithPermission(SuggestionsPermissions.Handle)
            .WithName("CreateSuggestion")
            .WithSummary("登记人大代表建议")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/units", async (ListSuggestionUnitsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListSuggestionUnits")
            .WithSummary("可交办的单位（主办、会办）");
        api.MapGet("/{id:guid}", async (Guid id, GetSuggestionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("GetSuggestion")
            .WithSummary("查看建议及其办理过程");
        api.MapGet("/{id:guid}/public", async (Guid id, GetPublishedSuggestionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPublishedSuggestion")
            .WithSummary("查看已公开的办理结果（不含代表联系方式）");
        api.MapPut("/{id:guid}", async (Guid id, SuggestionInput body, UpdateSuggestionHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(SuggestionsPermissions.Handle)
            .WithName("UpdateSuggestion")
            .WithSummary("修改建议的登记信息")
            .ProducesProblem(StatusCodes.Status409Conflict);

        Step<AssignInput, AssignSuggestionHandler>(api, "assign", "AssignSuggestion", "交办（主办、会办单位）", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<ReturnInput, ReturnSuggestionHandler>(api, "return", "ReturnSuggestion", "退回交办有误的建议（交办后规定期限内）", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, ConfirmSuggestionReceiptHandler>(api, "sign-for", "SignForSuggestion", "主办单位签收", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, StartSuggestionHandler>(api, "start", "StartSuggestion", "开始办理", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<ExtendInput, ExtendSuggestionHandler>(api, "extend", "ExtendSuggestion", "延长答复期限（仅一次）", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<OpinionInput, RecordCoHandlingOpinionHandler>(api, "opinions", "RecordCoHandlingOpinion", "登记会办单位意见", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<ReplyInput, SubmitSuggestionReplyHandler>(api, "reply", "ReplySuggestion", "答复代表", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<FeedbackInput, RecordSuggestionFeedbackHandler>(api, "feedback", "RecordSuggestionFeedback", "登记代表反馈意见（不满意则重新办理）",
            (h, id, b, ct) => h.HandleAsync(id, b, ct));
        Step<DayInput, PublishSuggestionReplyHandler>(api, "publish", "PublishSuggestion", "公开办理结果", (h, id, b, ct) => h.HandleAsync(id, b, ct));
        api.MapPost("/{id:guid}/contacts", async Task<Created<Created>> (Guid id, ContactInput body, RecordRepresentativeContactHandler handler, CancellationToken ct) =>
        {
            var contactId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/suggestions/{id}", new Created(contactId));
        })
            .WithPermission(SuggestionsPermissions.Handle)
            .WithName("RecordRepresentativeContact")
            .WithSummary("登记与代表面商")
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapReplies(api);
        return app;
    }

    /// <summary>答复函: the template, generating a frozen version from the indicators, the versions and their .docx.</summary>
    private static void MapReplies(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/reply-template", async (Guid id, GetReplyTemplateHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("GetReplyTemplate")
            .WithSummary("查看答复函模板（正文中的数字标记）");
        api.MapPut("/{id:guid}/reply-template", async (Guid id, ReplyTemplateInput body, SaveReplyTemplateHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(SuggestionsPermissions.GenerateReply)
            .WithName("SaveReplyTemplate")
            .WithSummary("保存答复函模板（逐一检查数字标记）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/reply-template/preview", async (Guid id, ReplyTemplateInput body, GetReplyPreviewHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, body, ct)))
            .WithPermission(SuggestionsPermissions.GenerateReply)
            .WithName("PreviewReplyTemplate")
            .WithSummary("按当前记录预览模板将生成的答复函（不保存模板，也不生成新版）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/reply-tokens", async (ListReplyTokensHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListReplyTokens")
            .WithSummary("答复函模板可用的数字标记（建议字段和指标）");
        api.MapPost("/{id:guid}/replies", async Task<Created<ReplyCreated>> (Guid id, GenerateReplyHandler handler, CancellationToken ct) =>
        {
            var number = await handler.HandleAsync(id, ct);
            return TypedResults.Created($"/api/v1/suggestions/{id}/replies/{number}", new ReplyCreated(number));
        })
            .WithPermission(SuggestionsPermissions.GenerateReply)
            .WithName("GenerateReply")
            .WithSummary("按当前记录生成答复函（新的一版，此前各版不变）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/replies", async (Guid id, ListReplyVersionsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("ListReplyVersions")
            .WithSummary("答复函各版本（新版在前）");
        api.MapGet("/{id:guid}/replies/{number:int}", async (Guid id, int number, GetReplyVersionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, number, ct)))
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("GetReplyVersion")
            .WithSummary("查看答复函的一个版本及其各数字的来源");
        api.MapGet("/{id:guid}/replies/{number:int}/docx", async Task<FileContentHttpResult> (Guid id, int number, DownloadReplyHandler handler, CancellationToken ct) =>
        {
            var file = await handler.HandleAsync(id, number, ct);
            return TypedResults.File(file.Content, DownloadReplyHandler.ContentType, file.FileName);
        })
            .WithPermission(SuggestionsPermissions.Read)
            .WithName("DownloadReply")
            .WithSummary("下载答复函（Word 文档，公文格式）");
    }

    private static void Step<TInput, THandler>(RouteGroupBuilder api, string path, string name, string summary, Func<THandler, Guid, TInput, CancellationToken, Task> run)
        where THandler : notnull =>
        api.MapPost($"/{{id:guid}}/{path}", async (Guid id, TInput body, THandler handler, CancellationToken ct) =>
        {
            await run(handler, id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(SuggestionsPermissions.Handle)
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
