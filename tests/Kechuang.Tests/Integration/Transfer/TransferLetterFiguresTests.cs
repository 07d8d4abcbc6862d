using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Transfer;

/// <summary>
/// The letter's technology-transfer figures (docs/letter-figures.md: A1–A6, S11, T10) from the demo's individual
/// records, each indicator checked against the list its records URL names.
/// </summary>
public abstract class TransferLetterFiguresTests(KechuangApp app)
{
    private async Task<(decimal Value, JsonElement Records)> ValueAsync(string code, int year)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year={year}")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString() + "&pageSize=200")).ReadJsonAsync();
        return (value.GetProperty("value").GetDecimal(), records);
    }

    [Fact]
    public async Task A2_SeventeenStations_OfInstitutionsInSeveralProvinces()
    {
        var (value, records) = await ValueAsync("transfer.stations", 2023);

        Assert.Equal(17m, value);
        Assert.Equal(17, records.GetProperty("total").GetInt32());
        var regions = records.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("institutionRegionName").GetString()).Distinct().ToList();
        Assert.Contains("宝山区", regions);
        Assert.Contains("海淀区", regions);
    }

    [Fact]
    public async Task A3_ExpertAttendancesOf2022AndTheFirstHalfOf2023_Are320Odd()
    {
        var (y2022, r2022) = await ValueAsync("transfer.expert-attendances", 2022);
        var (y2023, r2023) = await ValueAsync("transfer.expert-attendances", 2023);

        Assert.InRange(y2022 + y2023, 320m, 329m);
        Assert.Equal(y2022, r2022.GetProperty("total").GetInt32());
        Assert.Equal(y2023, r2023.GetProperty("total").GetInt32());
        Assert.All(r2023.GetProperty("items").EnumerateArray(), a => Assert.True(DateOnly.Parse(a.GetProperty("heldOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2023, 7, 6)));
    }

    [Fact]
    public async Task A4_TwentyFiveDemandsCollected()
    {
        var (y2022, r2022) = await ValueAsync("transfer.demands-collected", 2022);
        var (y2023, r2023) = await ValueAsync("transfer.demands-collected", 2023);

        Assert.Equal(25m, y2022 + y2023);
        Assert.Equal(y2022 + y2023, r2022.GetProperty("total").GetInt32() + r2023.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A5_TwentyOddCooperations_AndT10_The2023TargetOf15()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (y2022, r2022) = await ValueAsync("transfer.cooperations", 2022);
        var (y2023, r2023) = await ValueAsync("transfer.cooperations", 2023);
        var target = (await (await staff.GetAsync("/api/v1/targets?regionCode=330723&year=2023&indicatorCode=transfer.cooperations")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == "transfer.cooperations");

        Assert.InRange(y2022 + y2023, 20m, 29m);
        Assert.Equal(y2022, r2022.GetProperty("total").GetInt32());
        Assert.Equal(y2023, r2023.GetProperty("total").GetInt32());
        Assert.Equal(15m, target.GetProperty("target").GetDecimal());
        Assert.Equal(y2023, target.GetProperty("actual").GetDecimal());
        // Cooperations that came from a demand belong to that demand's enterprise.
        var fromDemands = r2022.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("demandId").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(fromDemands);
    }

    [Fact]
    public async Task A6_FundsAndRewardsPaidToStations_Are160WanOdd_AndAddUpToTheirRecords()
    {
        var (value, records) = await ValueAsync("transfer.station-funds", 2023);

        Assert.InRange(value, 1_600_000m, 1_699_999.99m);
        Assert.Equal(value, records.GetProperty("amount").GetDecimal());
        Assert.Equal(value, records.GetProperty("items").EnumerateArray().Sum(p => p.GetProperty("amount").GetDecimal()));
        // Rewards go only to stations that passed.
        var staff = await app.ClientAsync("wuyi.staff");
        var stations = (await (await staff.GetAsync("/api/v1/transfer/stations?regionCode=330723&pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var failed = stations.Where(s => s.GetProperty("lastGradeName").GetString() == "不合格").Select(s => s.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Single(failed);
        Assert.DoesNotContain(records.GetProperty("items").EnumerateArray(), p => p.GetProperty("kind").GetString() == "reward" && failed.Contains(p.GetProperty("stationId").GetGuid()));
    }

    [Fact]
    public async Task S11_SevenInstituteCountyProjectsOf2022_OneMajor()
    {
        var (all, allRecords) = await ValueAsync("transfer.institute-county-projects", 2022);
        var (major, majorRecords) = await ValueAsync("transfer.major-institute-county-projects", 2022);

        Assert.Equal(7m, all);
        Assert.Equal(1m, major);
        Assert.Equal(7, allRecords.GetProperty("total").GetInt32());
        Assert.True(Assert.Single(majorRecords.GetProperty("items").EnumerateArray()).GetProperty("isMajor").GetBoolean());
    }

    [Fact]
    public async Task A1_TheSmartManufacturingInstitute_IsListedInThe2022CityKeyLabList()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var labs = await (await staff.GetAsync("/api/v1/transfer/key-labs?q=智能制造产业研究院")).ReadJsonAsync();

        var lab = Assert.Single(labs.GetProperty("items").EnumerateArray());
        Assert.Equal("产业研究院", lab.GetProperty("kindName").GetString());
        var step = Assert.Single(lab.GetProperty("recognitions").EnumerateArray());
        Assert.Equal("listed", step.GetProperty("step").GetString());
        Assert.Equal("市级", step.GetProperty("levelName").GetString());
        Assert.Equal("2022年金华市重点实验室(试点)建设名单", step.GetProperty("document").GetString());
        Assert.StartsWith("2022-", step.GetProperty("on").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : TransferLetterFiguresTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TransferLetterFiguresTests(app), IClassFixture<PostgresApp>;
}
