using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Events;

public static class EventsApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").RequireAuthorization().WithTags("活动与宣传");

        api.MapGet("", async (string? regionCode, int? year, [AsParameters] ListQuery list, ListEventsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new EventQuery(regionCode, year, list), ct)))
            .WithName("ListEvents")
            .WithSummary("查询主题活动");
        api.MapGet("/export", async (string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListEventsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await EventListSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new EventQuery(regionCode, year, list), ct), ct))
            .WithName("ExportEvents")
            .WithSummary("导出主题活动");
        api.MapPost("", async Task<Created<Created>> (EventInput body, CreateEventRecordHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/events/{id}", new Created(id));
        })
            .WithPermission(EventsPermissions.Change)
            .WithName("CreateEvent")
            .WithSummary("登记主题活动");
        api.MapGet("/{id:guid}", async (Guid id, GetEventRecordHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetEvent")
            .WithSummary("查看主题活动");
        api.MapPut("/{id:guid}", async (Guid id, EventInput body, UpdateEventRecordHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(EventsPermissions.Change)
            .WithName("UpdateEvent")
            .WithSummary("修改主题活动");

        // Media reports; with year, the records of events.media-reports and events.media-outlets.
        api.MapGet("/media-reports", async (string? regionCode, int? year, Guid? eventId, string? outlet, string? medium, [AsParameters] ListQuery list,
            ListMediaReportsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new MediaReportQuery(regionCode, year, eventId, outlet, list, medium), ct)))
            .WithName("ListMediaReports")
            .WithSummary("查询媒体报道");
        api.MapGet("/media-reports/export", async (string? regionCode, int? year, Guid? eventId, string? outlet, string? medium, [AsParameters] ListQuery list,
            FromReports<ListMediaReportsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await MediaReportSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new MediaReportQuery(regionCode, year, eventId, outlet, list, medium), ct), ct))
            .WithName("ExportMediaReports")
            .WithSummary("导出媒体报道");
        api.MapGet("/media-reports/import-template", () => MediaReportSheet.Sheet.Template())
            .WithName("GetMediaReportImportTemplate")
            .WithSummary("下载媒体报道导入模板");
        api.MapPost("/media-reports/import", async (ImportFile file, ImportMediaReportsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(EventsPermissions.Change)
            .WithName("ImportMediaReports")
            .WithSummary("导入媒体报道（有错误行则全部不导入）");
        api.MapPost("/media-reports", async Task<Created<Created>> (MediaReportInput body, CreateMediaReportHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/events/media-reports/{id}", new Created(id));
        })
            .WithPermission(EventsPermissions.Change)
            .WithName("CreateMediaReport")
            .WithSummary("登记媒体报道")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/media-reports/{id:guid}", async (Guid id, GetMediaReportHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetMediaReport")
            .WithSummary("查看媒体报道");
        api.MapPut("/media-reports/{id:guid}", async (Guid id, MediaReportInput body, UpdateMediaReportHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(EventsPermissions.Change)
            .WithName("UpdateMediaReport")
            .WithSummary("修改媒体报道")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
