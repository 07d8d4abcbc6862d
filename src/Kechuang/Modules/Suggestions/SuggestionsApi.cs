using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Suggestions;

public static class SuggestionsApi
{
    public sealed record Created(Guid Id);

    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/suggestions").RequireAuthorization().WithTags("建议办理");

        api.MapGet("", async (string? regionCode, int? year, string? status, int? repliedYear, [AsParameters] ListQuery list, ListSuggestionsHandler handler,
                CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new SuggestionQuery(regionCode, year, status, list, repliedYear), ct)))
            .WithName("ListSuggestions")
            .WithSummary("查询人大代表建议（按编号、标题或代表姓名搜索）");
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
        return app;
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
