using System.Net;
using System.Text.Json;
using Kechuang.Modules.Enterprises;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Enterprises;

public abstract class ScreeningTests(KechuangApp app)
{
    private static JsonElement Row(JsonElement result, string name) =>
        result.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string[] Pools(JsonElement row) => row.GetProperty("pools").EnumerateArray().Select(p => p.GetString()!).ToArray();

    [Fact]
    public async Task Screening_DemoCounty2024_SortsEnterprisesIntoPools()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var result = await (await staff.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2024")).ReadJsonAsync();

        Assert.Equal(2023, result.GetProperty("fiscalYear").GetInt32());
        var hengda = Row(result, "武义县恒达电动工具有限公司");
        Assert.True(hengda.GetProperty("techSme").GetProperty("eligible").GetBoolean());
        Assert.Equal(64, hengda.GetProperty("techSme").GetProperty("score").GetInt32());
        Assert.Contains("tech-sme-candidate", Pools(hengda));
        Assert.Contains("high-tech-candidate", Pools(hengda));
        var quanxi = Row(result, "浙江泉溪五金制品有限公司");
        Assert.Contains("scale-up", Pools(quanxi));
        Assert.Contains("high-tech-expiring", Pools(quanxi));
        Assert.False(quanxi.GetProperty("aboveScale").GetBoolean());
        var shouxiangu = Row(result, "浙江寿仙谷医药股份有限公司");
        Assert.False(shouxiangu.GetProperty("techSme").GetProperty("eligible").GetBoolean());
        Assert.Contains(shouxiangu.GetProperty("techSme").GetProperty("gaps").EnumerateArray(), g => g.GetString()!.Contains("超过500人", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == "磐安县本草中药饮片有限公司");
        Assert.True(result.GetProperty("pools").GetProperty("scale-up").GetInt32() >= 1);
    }

    [Fact]
    public async Task Screening_Wuyi2023_EveryPoolHoldsEnterprisesOfTheDemoPopulation()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var result = await (await staff.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2023")).ReadJsonAsync();

        // The four named 武义 enterprises and the 300 of the population.
        Assert.Equal(304, result.GetProperty("total").GetInt32());
        foreach (var pool in CultivationPools.Names.Keys)
        {
            Assert.True(result.GetProperty("pools").GetProperty(pool).GetInt32() > 0, pool);
        }
        var rows = result.GetProperty("items").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.StartsWith("330723", r.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        // Pools agree with the facts shown beside them.
        Assert.All(rows.Where(r => Pools(r).Contains(CultivationPools.ScaleUp)), r => Assert.False(r.GetProperty("aboveScale").GetBoolean()));
        Assert.All(rows.Where(r => Pools(r).Contains(CultivationPools.RdCoverageGap)), r =>
        {
            Assert.True(r.GetProperty("salesRevenue").GetDecimal() >= 100_000_000m);
            Assert.False(r.GetProperty("hasRdInstitution").GetBoolean());
        });
        Assert.All(rows.Where(r => Pools(r).Contains(CultivationPools.TechSmeCandidate)), r =>
        {
            Assert.True(r.GetProperty("techSme").GetProperty("eligible").GetBoolean());
            Assert.False(r.GetProperty("holdsTechSme").GetBoolean());
        });
        Assert.All(rows.Where(r => Pools(r).Contains(CultivationPools.HighTechExpiring)), r =>
            Assert.Equal(2023, DateOnly.Parse(r.GetProperty("highTechValidUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year));
    }

    [Fact]
    public async Task DemoPopulation_LeavesTheLettersFiguresOf2023AsTheNamedEnterprisesMakeThem()
    {
        var indicators = app.Services.GetServices<IIndicator>().ToDictionary(i => i.Code);

        var values = await app.WithDbAsync(async db => new
        {
            Enterprises = await db.Set<EnterpriseProfile>().CountAsync(p => p.RegionCode.StartsWith("330723")),
            TechSme = await indicators["enterprises.tech-sme-count"].ComputeAsync(db, "330723", Period.Year(2023), default),
            Patents = await indicators["ip.patent-applications"].ComputeAsync(db, "330723", Period.Year(2023), default),
            Inventions = await indicators["ip.invention-applications"].ComputeAsync(db, "330723", Period.Year(2023), default),
            Filings = await indicators["ip.industrialization-filings"].ComputeAsync(db, "330723", Period.Year(2023), default),
        });

        Assert.Equal(304, values.Enterprises);
        // T14: 泉溪 and 科兴's 2023 entries and the 13 park tenants' of the carriers demo; T9 and T13: none in
        // 2023 — the population adds no record of 2023.
        Assert.Equal(15m, values.TechSme);
        Assert.Equal(0m, values.Patents);
        Assert.Equal(0m, values.Inventions);
        Assert.Equal(0m, values.Filings);
    }

    [Fact]
    public async Task Screening_2023_FindsTheHundredMillionEnterpriseWithoutAnInstitution()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var result = await (await staff.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2023&pool=rd-coverage-gap")).ReadJsonAsync();

        Assert.Contains(result.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == "武义县恒达电动工具有限公司");
        Assert.All(result.GetProperty("items").EnumerateArray(), r => Assert.Contains("rd-coverage-gap", Pools(r)));
    }

    [Fact]
    public async Task Screening_EnterpriseAccount_SeesOnlyItself()
    {
        var client = await app.ClientAsync("shouxiangu");

        var result = await (await client.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2024")).ReadJsonAsync();

        Assert.Equal(1, result.GetProperty("total").GetInt32());
        Assert.Equal("浙江寿仙谷医药股份有限公司", result.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Screening_BadPool_Is400_AndExportIsAnXlsx()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var bad = await staff.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2024&pool=unicorns");
        var export = await staff.GetAsync("/api/v1/cultivation/screening/export?regionCode=330723&year=2024&pool=scale-up");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["企业名称"] == "浙江泉溪五金制品有限公司");
    }

    [Fact]
    public async Task Indicators_ComputeTheLetterFiguresFromRecords()
    {
        var indicators = app.Services.GetServices<IIndicator>().ToDictionary(i => i.Code);

        var values = await app.WithDbAsync(async db => new
        {
            Filings2022 = await indicators["ip.industrialization-filings"].ComputeAsync(db, "330723", Period.Year(2022), default),
            KeyInstitutes = await indicators["enterprises.key-institute-count"].ComputeAsync(db, "330723", Period.Year(2023), default),
            CityPlus = await indicators["enterprises.rd-institution-count"].ComputeAsync(db, "330723", Period.Year(2023), default),
            Coverage2023 = await indicators["enterprises.rd-coverage-100m"].ComputeAsync(db, "330723", Period.Year(2023), default),
            Coverage2024 = await indicators["enterprises.rd-coverage-100m"].ComputeAsync(db, "330723", Period.Year(2024), default),
            TechSme2023City = await indicators["enterprises.tech-sme-count"].ComputeAsync(db, "330700", Period.Year(2023), default),
            HighTech2023 = await indicators["enterprises.high-tech-count"].ComputeAsync(db, "330723", Period.Year(2023), default),
        });

        Assert.Equal(42m, values.Filings2022);
        // 寿仙谷's institute is a 重点农业企业研究院: the county's first 重点企业研究院 is still the letter's target (T17).
        Assert.Equal(0m, values.KeyInstitutes);
        Assert.Equal(2m, values.CityPlus);
        Assert.Equal(50m, values.Coverage2023);
        Assert.Equal(100m, values.Coverage2024);
        // The named enterprises' three (two in 武义, one in 磐安) and the 13 park tenants of the carriers demo.
        Assert.Equal(16m, values.TechSme2023City);
        // 寿仙谷 and 泉溪, and 34 certificates of the demo population (issued in the December batches of 2020–2022).
        Assert.Equal(36m, values.HighTech2023);
        // Ten of this module (T13 and T14 with their own) and T5's park count, which the carriers module computes.
        Assert.Equal(11, indicators.Values.Count(i => i.Module is "enterprises" or "ip"));
    }

    [Fact]
    public async Task Run_StoresOneResultPerEnterpriseAndYear_AndRerunReplaces()
    {
        var staff = await app.ClientAsync("panan.staff");

        var first = await (await staff.PostAsync("/api/v1/cultivation/screening/run?regionCode=330727&year=2024", null)).ReadJsonAsync();
        await staff.PostAsync("/api/v1/cultivation/screening/run?regionCode=330727&year=2024", null);

        Assert.Equal(1, first.GetProperty("screened").GetInt32());
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Set<Kechuang.Modules.Enterprises.ScreeningRecord>().Where(r => r.RegionCode.StartsWith("330727") && r.Year == 2024).ToList()));
        var record = Assert.Single(stored);
        Assert.True(record.HasData);
        // 本草: 9 tech staff of 125 is 7.2%, below 10%: the 科技人员 sub-score is 0, so not a tech SME whatever the rest.
        Assert.False(record.TechSmeEligible);
        Assert.Contains("低于10%", record.Gaps, StringComparison.Ordinal);
        var enterprise = await app.ClientAsync("shouxiangu");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsync("/api/v1/cultivation/screening/run?regionCode=330723&year=2024", null)).StatusCode);
    }

    [Fact]
    public async Task Funnel_CountsEachStageByYear()
    {
        var staff = await app.ClientAsync("city.staff");

        var funnel = await (await staff.GetAsync("/api/v1/cultivation/funnel?regionCode=330700&fromYear=2022&toYear=2023")).ReadJsonAsync();

        var y2023 = funnel.GetProperty("items").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2023);
        Assert.Equal(16, y2023.GetProperty("techSme").GetInt32());
        // 寿仙谷 and 泉溪 and 34 of the demo population.
        Assert.Equal(36, y2023.GetProperty("highTech").GetInt32());
        // 寿仙谷 and 恒达 (industrial, ≥ 2000万) and 本草 (磐安, 4800万).
        Assert.Equal(3, y2023.GetProperty("aboveScale").GetInt32());
        // 寿仙谷 and 泉溪 (恒达's is of 2024) and the 43 county-level 研发中心 of the demo population recognised 2015–2022.
        Assert.Equal(45, y2023.GetProperty("withRdInstitution").GetInt32());
    }

    [Fact]
    public async Task AwardNomination_OfShouxiangu_IsListed()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync("/api/v1/award-nominations?regionCode=330723&year=2022")).ReadJsonAsync();

        Assert.Contains(list.GetProperty("items").EnumerateArray(), a =>
            a.GetProperty("enterpriseName").GetString() == "浙江寿仙谷医药股份有限公司" && a.GetProperty("award").GetString() == "浙江省科学技术进步奖"
            && a.GetProperty("grade").GetString() == "一等奖");
    }

    private static Task<List<string>> StoredAsync(KechuangDb db, int year) =>
        db.Set<ScreeningRecord>().AsNoTracking().Where(r => r.Year == year && r.RegionCode.StartsWith("330723")).OrderBy(r => r.OrganizationId)
            .Select(r => $"{r.OrganizationId}|{r.HasData}|{r.TechSmeEligible}|{r.TechSmeScore}|{r.HighTechHardConditionsMet}|{r.HighTechMinScore}|{r.HighTechMaxScore}|{r.Pools}|{r.Gaps}")
            .ToListAsync();

    private static async Task<JsonElement> LastRunAsync(KechuangDb db, int year)
    {
        var run = await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "enterprises_screening_record" && e.EntityKey == $"330723/{year}")
            .OrderByDescending(e => e.Seq).FirstAsync();
        return JsonDocument.Parse(run.After!).RootElement.Clone();
    }

    [Fact]
    public async Task Run_PipelinedOnTwoConnectionsOrOnOne_StoresTheSameResultsAndDigest()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        // The services' handler: its reader has a connection of its own while the results are written on the other.
        var screened = (await (await staff.PostAsync("/api/v1/cultivation/screening/run?regionCode=330723&year=2023", null)).ReadJsonAsync())
            .GetProperty("screened").GetInt32();
        var piped = await app.WithDbAsync(db => StoredAsync(db, 2023));
        var pipedRun = await app.WithDbAsync(db => LastRunAsync(db, 2023));
        // A handler with a context alone: reads and writes take turns on one connection.
        await app.WithDbAsync(db => new RunScreeningHandler(db).HandleAsync("330723", 2023, null, default));
        var single = await app.WithDbAsync(db => StoredAsync(db, 2023));
        var singleRun = await app.WithDbAsync(db => LastRunAsync(db, 2023));

        Assert.Equal(screened, piped.Count);
        Assert.Equal(piped, single);
        Assert.Equal(64, pipedRun.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(pipedRun.GetProperty("sha256").GetString(), singleRun.GetProperty("sha256").GetString());
        Assert.Equal(screened, singleRun.GetProperty("screened").GetInt32());
        // The 2023 pools of 武义县 (demo data), as before the pipeline.
        var pools = singleRun.GetProperty("pools");
        Assert.Equal(79, pools.GetProperty(CultivationPools.TechSmeCandidate).GetInt32());
        Assert.Equal(29, pools.GetProperty(CultivationPools.HighTechCandidate).GetInt32());
        Assert.Equal(12, pools.GetProperty(CultivationPools.HighTechExpiring).GetInt32());
        Assert.Equal(17, pools.GetProperty(CultivationPools.ScaleUp).GetInt32());
        Assert.Equal(14, pools.GetProperty(CultivationPools.RdCoverageGap).GetInt32());
        Assert.Equal(pools.ToString(), pipedRun.GetProperty("pools").ToString());
    }

    public sealed class OnSqlite(SqliteApp app) : ScreeningTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreeningTests(app), IClassFixture<PostgresApp>;
}
