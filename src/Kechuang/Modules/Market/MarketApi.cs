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

    public sealed record AchievementBody(string? Title, Guid? OwnerOrganizationId, string? Field, IReadOnlyList<string>? Keywords, string? Maturity,
        string? LinkedIp, string? Description, decimal? ExpectedPrice, string? ContactName, string? ContactPhone)
    {
        public AchievementInput ToInput() => new(Title, OwnerOrganizationId, Field, Keywords, Maturity, LinkedIp, Description, ExpectedPrice, ContactName, ContactPhone);
    }

    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("成果交易");

        api.MapGet("/achievements", async (string? field, Guid? ownerOrganizationId, string? status, [AsParameters] ListQuery list, AchievementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct))).AllowAnonymous();
        api.MapGet("/achievements/export", async (string? field, Guid? ownerOrganizationId, string? status, [AsParameters] ListQuery list, AchievementsHandler handler, KechuangDb db, CancellationToken ct) =>
            await AchievementSheet.Export.FileAsync(db, await handler.AllAsync(new AchievementQuery(field, ownerOrganizationId, status, list), ct), ct)).RequireAuthorization();
        api.MapGet("/achievements/import-template", () => AchievementSheet.Sheet.Template()).AllowAnonymous();
        api.MapPost("/achievements/import", async (ImportFile file, ImportAchievementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new Imported(await handler.HandleAsync(file, ct)))).RequireAuthorization().DisableAntiforgery();
        api.MapGet("/achievements/{id:guid}", async (Guid id, AchievementsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct))).AllowAnonymous();
        api.MapPost("/achievements", async Task<Created<Created>> (AchievementBody body, AchievementsHandler handler, CancellationToken ct) =>
        {
            var id = await handler.CreateAsync(body.ToInput(), ct);
            return TypedResults.Created($"/api/v1/achievements/{id}", new Created(id));
        }).RequireAuthorization();
        api.MapPut("/achievements/{id:guid}", async (Guid id, AchievementBody body, AchievementsHandler handler, CancellationToken ct) =>
        {
            await handler.UpdateAsync(id, body.ToInput(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        api.MapPost("/achievements/{id:guid}/withdraw", async (Guid id, AchievementsHandler handler, CancellationToken ct) =>
        {
            await handler.WithdrawAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();

        api.MapGet("/auctions", async (int? year, string? regionCode, [AsParameters] ListQuery list, AuctionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(new AuctionQuery(year, regionCode, list), ct))).AllowAnonymous();
        api.MapGet("/auctions/export", async (int? year, string? regionCode, [AsParameters] ListQuery list, AuctionsHandler handler, KechuangDb db, CancellationToken ct) =>
            await AuctionListSheet.Export.FileAsync(db, await handler.AllAsync(new AuctionQuery(year, regionCode, list), ct), ct)).RequireAuthorization();
        api.MapGet("/auctions/{id:guid}", async (Guid id, AuctionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct))).AllowAnonymous();
        api.MapPost("/auctions", async Task<Created<Created>> (AuctionInput body, AuctionsHandler handler, CancellationToken ct) =>
        {
            var id = await handler.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}", new Created(id));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/lots", async Task<Created<Created>> (Guid id, LotInput body, AuctionsHandler handler, CancellationToken ct) =>
        {
            var lotId = await handler.AddLotAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/lots/{lotId}", new Created(lotId));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/bidders", async Task<Created<Created>> (Guid id, BidderInput body, AuctionsHandler handler, CancellationToken ct) =>
        {
            var bidderId = await handler.RegisterBidderAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/auctions/{id}/bidders/{bidderId}", new Created(bidderId));
        }).RequireAuthorization(Roles.Staff);
        api.MapGet("/auctions/{id:guid}/bidders", async (Guid id, AuctionsHandler handler, CancellationToken ct) =>
        {
            var bidders = await handler.BiddersAsync(id, ct);
            return TypedResults.Ok(new Paged<BidderDto>(bidders, bidders.Count));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/bidders/{bidderId:guid}/confirm-deposit", async (Guid id, Guid bidderId, AuctionsHandler handler, CancellationToken ct) =>
        {
            await handler.ConfirmDepositAsync(id, bidderId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/close", async (Guid id, AuctionsHandler auctions, LotCloser closer, KechuangDb db, CancellationToken ct) =>
        {
            var auction = await auctions.FindAsync(id, ct, tracking: false);
            MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
            return TypedResults.Ok(new ClosedLots(await closer.CloseDueAsync(id, ct)));
        }).RequireAuthorization(Roles.Staff);
        api.MapPost("/auctions/{id:guid}/publish-results", async (Guid id, AuctionResultsHandler handler, LotCloser closer, CancellationToken ct) =>
        {
            await handler.PublishAsync(id, closer, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Staff);
        api.MapGet("/auctions/{id:guid}/results", async (Guid id, AuctionResultsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(id, ct))).AllowAnonymous();

        api.MapGet("/lots/{lotId:guid}", async (Guid lotId, LotsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(lotId, ct))).AllowAnonymous();
        api.MapGet("/lots/{lotId:guid}/bids", async (Guid lotId, int? afterSeq, LotsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.BidsAsync(lotId, afterSeq, ct))).AllowAnonymous();
        api.MapPost("/lots/{lotId:guid}/bids", async Task<Results<Ok<BidAccepted>, ProblemHttpResult>> (Guid lotId, PlaceBidRequest body, PlaceBidHandler handler, HttpContext http, CancellationToken ct) =>
            await handler.PlaceAsync(lotId, body, ct) switch
            {
                { Accepted: { } accepted } => TypedResults.Ok(accepted),
                var refused => TypedResults.Problem(ProblemHandler.Answer(refused.Refused!, http)),
            }).RequireAuthorization();
        return app;
    }
}
