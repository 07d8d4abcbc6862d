using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Market;

/// <summary>
/// <c>/api/v1/achievements</c>, <c>/auctions</c>, <c>/lots</c>. Reads are public (achievements and auctions are
/// public records); writes need an account: staff prepare sessions, owners list achievements, registered
/// enterprises bid.
/// </summary>
public static class MarketApi
{
    public sealed record Created(Guid Id);

    public sealed record ClosedLots(int Closed);

    public sealed record Imported(int Count);

    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("成果交易");

        api.MapGet("/achievements", async (string? field, Guid? ownerOrganizationId, string? status, [AsParameters] ListQuery list, ListAchievementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct))).AllowAnonymous()
            .WithName("ListAchievements")
            .WithSummary("查询科技成果（公开）");
        api.MapGet("/achievements/export", async (string? field, Guid? ownerOrganizationId, string? status, [AsParameters] ListQuery list, FromReports<ListAchievementsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await AchievementSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct), ct)).RequireAuthorization()
            .WithName("ExportAchievements")
            .WithSummary("导出科技成果");
        api.MapGet("/achievements/import-template", () => AchievementSheet.Sheet.Template())
            .WithName("GetAchievementImportTemplate")
            .WithSummary("下载科技成果导入模板");
        api.MapPost("/achievements/import", async (ImportFile file, ImportAchievementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new Imported(await handler.HandleAsync(file, ct)))).RequireAuthorization().DisableAntiforgery()
            .WithPermission(MarketPermissions.CreateAchievement)
            .WithName("ImportAchievements")
            .WithSummary("导入科技成果（有错误行则全部不导入）");
        api.MapGet("/achievements/{id:guid}", async (Guid id, GetAchievementHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous()
            .WithName("GetAchievement")
            .WithSummary("查看科技成果（公开）");
        api.MapPost("/achievements", async Task<Created<Created>> (AchievementInput body, CreateAchievementHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/achievements/{id}", new Created(id));
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.CreateAchievement)
            .WithName("CreateAchievement")
            .WithSummary("发布科技成果");
        api.MapPut("/achievements/{id:guid}", async (Guid id, AchievementInput body, UpdateAchievementHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.ChangeAchievement)
            .WithName("UpdateAchievement")
            .WithSummary("修改科技成果");
        api.MapPost("/achievements/{id:guid}/withdraw", async (Guid id, WithdrawAchievementHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.ChangeAchievement)
            .WithName("WithdrawAchievement")
            .WithSummary("撤回科技成果")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/auctions", async (int? year, string? regionCode, [AsParameters] ListQuery list, ListAuctionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AuctionQuery(year, regionCode, list), ct))).AllowAnonymous()
            .WithName("ListAuctions")
            .WithSummary("拍卖会日程（公开）");
        api.MapGet("/auctions/export", async (int? year, string? regionCode, [AsParameters] ListQuery list, FromReports<ListAuctionsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await AuctionListSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new AuctionQuery(year, regionCode, list), ct), ct)).RequireAuthorization()
            .WithName("ExportAuctions")
            .WithSummary("导出拍卖会");
        api.MapGet("/auctions/{id:guid}", async (Guid id, GetAuctionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous()
            .WithName("GetAuction")
            .WithSummary("查看拍卖会及其标的（公开）");
        api.MapPost("/auctions", async Task<Created<Created>> (AuctionInput body, CreateAuctionHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}", new Created(id));
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.CreateAuction)
            .WithName("CreateAuction")
            .WithSummary("创建拍卖会");
        api.MapPost("/auctions/{id:guid}/lots", async Task<Created<Created>> (Guid id, LotInput body, AddLotHandler handler, CancellationToken ct) =>
        {
            var lotId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/lots/{lotId}", new Created(lotId));
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.CreateAuction)
            .WithName("AddLot")
            .WithSummary("为拍卖会增加标的")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/auctions/{id:guid}/bidders", async Task<Created<Created>> (Guid id, BidderInput body, RegisterBidderHandler handler, CancellationToken ct) =>
        {
            var bidderId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}/bidders/{bidderId}", new Created(bidderId));
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.RegisterBidder)
            .WithName("RegisterBidder")
            .WithSummary("登记竞买人")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/auctions/{id:guid}/bidders", async (Guid id, ListBiddersHandler handler, CancellationToken ct) =>
        {
            var bidders = await handler.HandleAsync(id, ct);
            return TypedResults.Ok(new Paged<BidderDto>(bidders, bidders.Count));
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.ReadBidders)
            .WithName("ListBidders")
            .WithSummary("竞买人名单");
        api.MapPost("/auctions/{id:guid}/bidders/{bidderId:guid}/confirm-deposit", async (Guid id, Guid bidderId, ConfirmDepositHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, bidderId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.RegisterBidder)
            .WithName("ConfirmDeposit")
            .WithSummary("确认竞买保证金到账");
        api.MapPost("/auctions/{id:guid}/close", async (Guid id, CloseAuctionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ClosedLots(await handler.HandleAsync(id, ct)))).RequireAuthorization()
            .WithPermission(MarketPermissions.CloseAuction)
            .WithName("CloseDueLots")
            .WithSummary("对竞价已到期的标的落槌");
        api.MapPost("/auctions/{id:guid}/publish-results", async (Guid id, PublishAuctionResultsHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization()
            .WithPermission(MarketPermissions.CloseAuction)
            .WithName("PublishAuctionResults")
            .WithSummary("发布拍卖结果")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/auctions/{id:guid}/results", async (Guid id, GetAuctionResultsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous()
            .WithName("GetAuctionResults")
            .WithSummary("拍卖结果（发布后公开）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/lots/{lotId:guid}", async (Guid lotId, GetLotHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(lotId, ct))).AllowAnonymous()
            .WithName("GetLot")
            .WithSummary("查看标的当前价、领先者和截止时间（公开）");
        api.MapGet("/lots/{lotId:guid}/bids", async (Guid lotId, int? afterSeq, ListBidsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(lotId, afterSeq, ct))).AllowAnonymous()
            .WithName("ListBids")
            .WithSummary("标的出价记录，可只取 afterSeq 之后的（公开）");
        api.MapPost("/lots/{lotId:guid}/bids", async Task<Results<Ok<BidAccepted>, ProblemHttpResult>> (Guid lotId, PlaceBidRequest body, PlaceBidHandler handler, HttpContext http, CancellationToken ct) =>
            await handler.PlaceAsync(lotId, body, ct) switch
            {
                { Accepted: { } accepted } => TypedResults.Ok(accepted),
                var refused => TypedResults.Problem(ProblemHandler.Answer(refused.Refused!, http)),
            }).RequireAuthorization()
            .WithPermission(MarketPermissions.PlaceBid)
            .WithName("PlaceBid")
            .WithSummary("出价")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
