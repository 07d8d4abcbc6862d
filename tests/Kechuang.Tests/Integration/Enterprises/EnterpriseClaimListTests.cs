using System.Net;
using Kechuang.Modules.Enterprises;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>
/// The claims list holds both kinds (资质, 奖项) in one order, newest first, paged by the database: every claim is
/// reached however many wait, an enterprise sees its own, a clerk those of the county, and the API answers as the
/// handler does. The demo dataset has no claims, so the counts here are the test's own.
/// </summary>
public abstract class EnterpriseClaimListTests(KechuangApp app)
{
    private static string Number(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task BothKinds_PagedInTheDatabase_NewestFirst_InTheCallersScope()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var own = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "shouxiangu").Select(a => a.OrganizationId!.Value).SingleAsync());
        var submitted = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            submitted.Add(await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "tech-sme", number = Number("KX"), year = 2034 + i })).CreatedIdAsync());
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            submitted.Add(await (await enterprise.PostJsonAsync("/api/v1/award-nominations/claims",
                new { award = "金华市科学技术奖", level = "city", grade = "三等奖", year = 2034 + i, project = "分页申报项目" + i, result = "won" })).CreatedIdAsync());
        }
        // Another 武义县 enterprise's claim, submitted last: the county sees it, 寿仙谷 does not.
        var wuyi = await app.ClientAsync("wuyi.staff");
        var neighbour = await (await wuyi.PostJsonAsync("/api/v1/organizations",
            new { name = "武义申报分页测试企业", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723101" })).CreatedIdAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var neighbours = await app.WithDbAsync(async db =>
        {
            var claim = Qualification.TechSme(neighbour, "330723101", 2034, Number("KX"), db.UtcNow).AsClaim();
            db.Add(claim);
            await db.SaveChangesAsync();
            return claim.Id;
        });
        submitted.Reverse();

        var first = await ListAsAsync("shouxiangu", new ClaimQuery("pending", 1, 4));
        var second = await ListAsAsync("shouxiangu", new ClaimQuery("pending", 2, 4));

        Assert.Equal(6, first.Total);
        Assert.Equal(6, second.Total);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal(submitted, [.. first.Items.Concat(second.Items).Select(x => x.Id)]);
        Assert.All(first.Items.Concat(second.Items), x => Assert.Equal(own, x.EnterpriseId));
        Assert.Equal(3, first.Items.Concat(second.Items).Count(x => x.Record == "qualification" && x.Qualification is { Kind: "tech-sme" } && x.AwardNomination is null));
        Assert.Equal(3, first.Items.Concat(second.Items).Count(x => x.Record == "award-nomination" && x.AwardNomination is { Award: "金华市科学技术奖" } && x.Qualification is null));
        Assert.All(first.Items, x => Assert.Equal("待确认", x.StatusName));

        var county = await ListAsAsync("wuyi.staff", new ClaimQuery(null, 1, 4));
        var countyRest = await ListAsAsync("wuyi.staff", new ClaimQuery(null, 2, 4));
        Assert.Equal(7, county.Total);
        Assert.Equal([neighbours, .. submitted], [.. county.Items.Concat(countyRest.Items).Select(x => x.Id)]);
        Assert.Equal(7, (await ListAsAsync("city.staff", new ClaimQuery("pending"))).Total);
        var otherCounty = await ListAsAsync("panan.staff", new ClaimQuery("pending", 1, 200));
        Assert.Equal(0, otherCounty.Total);
        Assert.Empty(otherCounty.Items);

        // The API answers what the handler does.
        var answer = await (await wuyi.GetAsync("/api/v1/enterprise-claims?status=pending&page=2&pageSize=4")).ReadJsonAsync();
        Assert.Equal(7, answer.GetProperty("total").GetInt32());
        Assert.Equal([.. countyRest.Items.Select(x => x.Id)], [.. answer.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid())]);
        var row = answer.GetProperty("items")[0];
        Assert.Equal(countyRest.Items[0].Record, row.GetProperty("record").GetString());
        Assert.Equal(countyRest.Items[0].EnterpriseName, row.GetProperty("enterpriseName").GetString());
        Assert.NotEmpty(countyRest.Items[0].EnterpriseName);
        var mine = await (await enterprise.GetAsync("/api/v1/enterprise-claims?pageSize=4")).ReadJsonAsync();
        Assert.Equal(6, mine.GetProperty("total").GetInt32());
        Assert.Equal([.. first.Items.Select(x => x.Id)], [.. mine.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid())]);
    }

    [Fact]
    public async Task Decided_LeavesThePendingList_ConfirmedListsOnlyWhatStaffConfirmed()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var wuyi = await app.ClientAsync("wuyi.staff");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var confirmed = await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "high-tech-enterprise", number = Number("GR"), issueDate = "2034-06-01" })).CreatedIdAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var rejected = await (await enterprise.PostJsonAsync("/api/v1/award-nominations/claims",
            new { award = "浙江省科学技术进步奖", level = "provincial", grade = "二等奖", year = 2034, project = "驳回的申报项目", result = "won" })).CreatedIdAsync();
        var confirmedBefore = (await ListAsAsync("wuyi.staff", new ClaimQuery("confirmed", 1, 200))).Total;

        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/qualifications/{confirmed}/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/award-nominations/{rejected}/reject", new { reason = "获奖名单中无此项目" })).StatusCode);

        var pending = await ListAsAsync("wuyi.staff", new ClaimQuery("pending", 1, 200));
        Assert.DoesNotContain(pending.Items, x => x.Id == confirmed || x.Id == rejected);
        var confirmedList = await ListAsAsync("wuyi.staff", new ClaimQuery("confirmed", 1, 200));
        // Only the confirmed claim: the demo's certificates and awards that staff entered are facts, not claims.
        Assert.Equal(confirmedBefore + 1, confirmedList.Total);
        Assert.Contains(confirmedList.Items, x => x.Id == confirmed && x.Status == "confirmed" && x.DecidedAt is not null);
        var rejectedList = await ListAsAsync("shouxiangu", new ClaimQuery("rejected", 1, 200));
        Assert.Contains(rejectedList.Items, x => x.Id == rejected && x.RejectionReason == "获奖名单中无此项目" && x.AwardNomination!.Project == "驳回的申报项目");
    }

    [Fact]
    public async Task Api_RefusesRolesThatNeitherSubmitNorDecide_AndAnUnknownStatus()
    {
        var expert = await app.ClientAsync("expert.chen");
        var institution = await app.ClientAsync("zjnu");
        var wuyi = await app.ClientAsync("wuyi.staff");

        foreach (var refused in new[] { expert, institution })
        {
            var answer = await refused.GetAsync("/api/v1/enterprise-claims");
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Equal(PermissionChecks.RefusedCode, (await answer.ReadJsonAsync()).GetProperty("code").GetString());
        }
        var unknown = await wuyi.GetAsync("/api/v1/enterprise-claims?status=withdrawn");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    /// <summary>The handler as a page calls it, with the account's role and data scope.</summary>
    private async Task<Paged<ClaimDto>> ListAsAsync(string userName, ClaimQuery query)
    {
        var account = await app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.UserName == userName));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(SignInHandler.Principal(account, "test"));
        return await scope.ServiceProvider.GetRequiredService<ListClaimsHandler>().HandleAsync(query, default);
    }

    public sealed class OnSqlite(SqliteApp app) : EnterpriseClaimListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EnterpriseClaimListTests(app), IClassFixture<PostgresApp>;
}
