using System.Net;
using Kechuang.Modules.Enterprises;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>
/// An enterprise's own 高企/科小 or award result is a claim (待确认): it counts nowhere until the bureau of its county
/// or city confirms it; a rejected claim stays out and shows the enterprise why.
/// </summary>
public abstract class EnterpriseClaimTests(KechuangApp app)
{
    private static string Number(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<Guid> OwnAsync() =>
        await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "shouxiangu").Select(a => a.OrganizationId!.Value).SingleAsync());

    private async Task<decimal> TechSmeCountAsync(int year)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var value = await (await staff.GetAsync($"/api/v1/indicators/enterprises.tech-sme-count/value?regionCode=330723&year={year}")).ReadJsonAsync();
        return value.GetProperty("value").GetDecimal();
    }

    [Fact]
    public async Task Claim_CountsOnlyOnceConfirmed_AndOnlyItsCountyOrCitySeeIt()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        const int year = 2031;
        var before = await TechSmeCountAsync(year);

        var id = await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "tech-sme", number = Number("KX"), year })).CreatedIdAsync();

        Assert.Equal(before, await TechSmeCountAsync(year));
        var facts = await (await wuyi.GetAsync($"/api/v1/qualifications?year={year}&kind=tech-sme")).ReadJsonAsync();
        Assert.DoesNotContain(facts.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
        var waiting = await (await wuyi.GetAsync("/api/v1/qualifications?status=pending&pageSize=100")).ReadJsonAsync();
        Assert.Contains(waiting.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetGuid() == id && q.GetProperty("statusName").GetString() == "待确认");
        Assert.Equal(HttpStatusCode.NotFound, (await panan.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { })).StatusCode);
        var self = await enterprise.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("access.not-permitted", (await self.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await TechSmeCountAsync(year));

        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { })).StatusCode);

        Assert.Equal(before + 1, await TechSmeCountAsync(year));
        var again = await wuyi.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("enterprises.claim-not-pending", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == "enterprises_qualification" && e.EntityKey == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["create", "update"], audit.Order());
    }

    [Fact]
    public async Task RejectedClaim_StaysOut_AndTheEnterpriseSeesTheReason()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var city = await app.ClientAsync("city.staff");
        const int year = 2032;
        var before = await TechSmeCountAsync(year);
        var id = await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "tech-sme", number = Number("KX"), year })).CreatedIdAsync();

        var noReason = await city.PostJsonAsync($"/api/v1/qualifications/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.PostJsonAsync($"/api/v1/qualifications/{id}/reject", new { reason = "入库登记编号与公示名单不符" })).StatusCode);

        Assert.Equal(before, await TechSmeCountAsync(year));
        var mine = await (await enterprise.GetAsync("/api/v1/qualifications?status=all&pageSize=100")).ReadJsonAsync();
        var claim = mine.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == id);
        Assert.Equal("rejected", claim.GetProperty("status").GetString());
        Assert.Equal("入库登记编号与公示名单不符", claim.GetProperty("rejectionReason").GetString());
        var confirmLate = await city.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, confirmLate.StatusCode);
    }

    [Fact]
    public async Task RejectedClaim_FreesItsNumber_ForARefiledClaimAndForTheBureausEntry()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var wuyi = await app.ClientAsync("wuyi.staff");
        var own = await OwnAsync();
        var number = Number("GR");
        var first = await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "high-tech-enterprise", number, issueDate = "2033-12-01" })).CreatedIdAsync();
        var twice = await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "high-tech-enterprise", number, issueDate = "2033-12-01" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("enterprises.duplicate-qualification", (await twice.ReadJsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/qualifications/{first}/reject", new { reason = "发证日期与证书不符" })).StatusCode);
        var refiled = await (await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "high-tech-enterprise", number, issueDate = "2033-11-20" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/qualifications/{refiled}/reject", new { reason = "请上传证书扫描件后再申报" })).StatusCode);
        var entered = await wuyi.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = own, kind = "high-tech-enterprise", number, issueDate = "2033-11-20" });
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);

        var rows = await app.WithDbAsync(db => db.Set<Qualification>().IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.Number == number).Select(q => q.Status).ToListAsync());
        Assert.Equal([ClaimStatus.Confirmed, ClaimStatus.Rejected, ClaimStatus.Rejected], rows.Order());
        var afterEntry = await enterprise.PostJsonAsync("/api/v1/qualifications/claims", new { kind = "high-tech-enterprise", number, issueDate = "2033-11-20" });
        Assert.Equal(HttpStatusCode.Conflict, afterEntry.StatusCode);
    }

    [Fact]
    public async Task AwardClaim_ForItsOwnOrganisationOnly_WaitsThenConfirmed()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var wuyi = await app.ClientAsync("wuyi.staff");
        var own = await OwnAsync();
        var other = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "zjnu").Select(a => a.OrganizationId!.Value).SingleAsync());
        var project = "自报获奖项目" + Number("");
        object Award(Guid enterpriseId) => new { enterpriseId, award = "金华市科学技术奖", level = "city", grade = "二等奖", year = 2025, project, result = "won" };

        var forOther = await enterprise.PostJsonAsync("/api/v1/award-nominations/claims", Award(other));
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal("enterprises.claim-other-organization", (await forOther.ReadJsonAsync()).GetProperty("code").GetString());
        var byStaff = await wuyi.PostJsonAsync("/api/v1/award-nominations/claims", Award(own));
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        var id = await (await enterprise.PostJsonAsync("/api/v1/award-nominations/claims", Award(own))).CreatedIdAsync();
        var facts = await (await wuyi.GetAsync($"/api/v1/award-nominations?enterpriseId={own}&pageSize=100")).ReadJsonAsync();
        Assert.DoesNotContain(facts.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostJsonAsync($"/api/v1/award-nominations/{id}/confirm", new { })).StatusCode);

        facts = await (await wuyi.GetAsync($"/api/v1/award-nominations?enterpriseId={own}&pageSize=100")).ReadJsonAsync();
        Assert.Contains(facts.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id && a.GetProperty("statusName").GetString() == "已确认");
        Assert.Equal(ClaimStatus.Confirmed, await app.WithDbAsync(db => db.Set<AwardNomination>().IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task StaffEntries_AreConfirmedAtOnce()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var own = await OwnAsync();
        var id = await (await wuyi.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = own, kind = "tech-sme", number = Number("KX"), year = 2033 })).CreatedIdAsync();

        Assert.Equal(ClaimStatus.Confirmed, await app.WithDbAsync(db => db.Set<Qualification>().IgnoreQueryFilters().Where(q => q.Id == id).Select(q => q.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await wuyi.PostJsonAsync($"/api/v1/qualifications/{id}/confirm", new { })).StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : EnterpriseClaimTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EnterpriseClaimTests(app), IClassFixture<PostgresApp>;
}
