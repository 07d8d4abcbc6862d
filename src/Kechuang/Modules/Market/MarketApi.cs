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
            TypedResults.Ok(await handler.HandleAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct))).AllowAnonymous();
        api.MapGet("/achievements/export", async (string? field, Guid? ownerOrganizationId, string? status, [AsParameters] ListQuery list, ListAchievementsHandler handler, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct);
            db.AuditEvent("market_achievement", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(AchievementSheet.Row), AchievementSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "科技成果.xlsx");
        }).RequireAuthorization();
        api.MapGet("/achievements/import-template", async (CancellationToken ct) =>
            TypedResults.File(await ExcelFile.WriteAsync([], AchievementSheet.Headers, ct), ExcelFile.ContentType, "科技成果导入模板.xlsx")).AllowAnonymous();
        api.MapPost("/achievements/import", async (IFormFile file, ImportAchievementsHandler handler, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(new Imported(await handler.HandleAsync(stream, ct)));
        }).RequireAuthorization().DisableAntiforgery();
        api.MapGet("/achievements/{id:guid}", async (Guid id, GetAchievementHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous();
        api.MapPost("/achievements", async Task<Created<Created>> (AchievementInput body, CreateAchievementHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/achievements/{id}", new Created(id));
        }).RequireAuthorization();
        api.MapPut("/achievements/{id:guid}", async (Guid id, AchievementInput body, UpdateAchievementHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        api.MapPost("/achievements/{id:guid}/withdraw", async (Guid id, WithdrawAchievementHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();

        api.MapGet("/auctions", async (int? year, string? regionCode, [AsParameters] ListQuery list, ListAuctionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AuctionQuery(year, regionCode, list), ct))).AllowAnonymous();
        api.MapGet("/auctions/export", async (int? year, string? regionCode, [AsParameters] ListQuery list, ListAuctionsHandler handler, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new AuctionQuery(year, regionCode, list), ct);
            db.AuditEvent("market_auction", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(AuctionListSheet.Row), AuctionListSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "科技成果拍卖会.xlsx");
        }).RequireAuthorization();
        api.MapGet("/auctions/{id:guid}", async (Guid id, GetAuctionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous();
        api.MapPost("/auctions", async Task<Created<Created>> (AuctionInput body, CreateAuctionHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}", new Created(id));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/lots", async Task<Created<Created>> (Guid id, LotInput body, AddLotHandler handler, CancellationToken ct) =>
        {
            var lotId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/lots/{lotId}", new Created(lotId));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/bidders", async Task<Created<Created>> (Guid id, BidderInput body, RegisterBidderHandler handler, CancellationToken ct) =>
        {
            var bidderId = await handler.HandleAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}/bidders/{bidderId}", new Created(bidderId));
        }).RequireAuthorization(Roles.Staff);
        api.MapGet("/auctions/{id:guid}/bidders", async (Guid id, ListBiddersHandler handler, CancellationToken ct) =>
        {
            var bidders = await handler.HandleAsync(id, ct);
            return TypedResults.Ok(new Paged<BidderDto>(bidders, bidders.Count));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/bidders/{bidderId:guid}/confirm-deposit", async (Guid id, Guid bidderId, ConfirmDepositHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, bidderId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/close", async (Guid id, CloseAuctionHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ClosedLots(await handler.HandleAsync(id, ct)))).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/publish-results", async (Guid id, PublishAuctionResultsHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Staff);
        api.MapGet("/auctions/{id:guid}/results", async (Guid id, GetAuctionResultsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).AllowAnonymous();

        api.MapGet("/lots/{lotId:guid}", async (Guid lotId, GetLotHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(lotId, ct))).AllowAnonymous();
        api.MapGet("/lots/{lotId:guid}/bids", async (Guid lotId, int? afterSeq, ListBidsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(lotId, afterSeq, ct))).AllowAnonymous();
        api.MapPost("/lots/{lotId:guid}/bids", async Task<Results<Ok<BidAccepted>, ProblemHttpResult>> (Guid lotId, PlaceBidRequest body, PlaceBidHandler handler, HttpContext http, CancellationToken ct) =>
            await handler.PlaceAsync(lotId, body, ct) switch
            {
                { Accepted: { } accepted } => TypedResults.Ok(accepted),
                var refused => TypedResults.Problem(ProblemHandler.Answer(refused.Refused!, http)),
            }).RequireAuthorization();
        return app;
    }
}
