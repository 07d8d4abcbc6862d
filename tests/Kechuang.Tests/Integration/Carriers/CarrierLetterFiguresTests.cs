using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>
/// The letter's carrier figures that come from land, construction and money records (docs/letter-figures.md: C1, C3–C7,
/// T1, T2), read from the demo's individual records as they stood on the letter's date, 2023-07-06.
/// </summary>
public abstract class CarrierLetterFiguresTests(KechuangApp app)
{
    private static readonly DateOnly LetterDate = new(2023, 7, 6);

    private async Task<Dictionary<string, System.Text.Json.JsonElement>> ParcelsAsync()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var list = await (await staff.GetAsync("/api/v1/parcels?regionCode=330723401&pageSize=200")).ReadJsonAsync();
        return list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
    }

    private static System.Text.Json.JsonElement Step(System.Text.Json.JsonElement parcel, string kind) =>
        parcel.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind);

    private static DateOnly? Day(System.Text.Json.JsonElement step, string property) =>
        step.GetProperty(property).ValueKind == System.Text.Json.JsonValueKind.Null ? null : DateOnly.Parse(step.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task C3_TheResearchHeadquartersParcel_HadItsZoningAdjustmentSubmitted_ByTheLettersDate()
    {
        var parcel = (await ParcelsAsync())["科技城研发总部地块"];

        var step = Step(parcel, "zoning-adjustment");

        Assert.True(Day(step, "submittedOn") <= LetterDate);
        Assert.Equal("控规调整", step.GetProperty("kindName").GetString());
    }

    [Fact]
    public async Task C4_TheIndustrialParcelOf61691_24SquareMetres_HadItsSubdivisionAgreed_ByTheLettersDate()
    {
        var parcel = (await ParcelsAsync())["科技城工业地块"];

        var step = Step(parcel, "subdivision");

        Assert.Equal(61_691.24m, parcel.GetProperty("areaSquareMetres").GetDecimal());
        Assert.True(Day(step, "completedOn") <= LetterDate);
    }

    [Fact]
    public async Task C5_ThePhaseTwoLandOf88000SquareMetres_WasSubmittedForFarmlandConversion_ByTheLettersDate()
    {
        var parcel = (await ParcelsAsync())["科技城二期用地"];

        var step = Step(parcel, "farmland-conversion");

        Assert.Equal(88_000m, parcel.GetProperty("areaSquareMetres").GetDecimal());
        Assert.True(Day(step, "submittedOn") <= LetterDate);
        Assert.False(Day(step, "completedOn") <= LetterDate); // 报批, not yet approved on that day
    }

    [Fact]
    public async Task T1_Target107MuOfLandSupplyIn2023_WithTheActualFromTheSuppliedParcels()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string code = "carriers.land-supplied-area";

        var target = (await (await staff.GetAsync($"/api/v1/targets?regionCode=330723&year=2023&indicatorCode={code}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == code);
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723401&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();

        Assert.Equal(107m, target.GetProperty("target").GetDecimal());
        Assert.Equal(">=", target.GetProperty("comparator").GetString());
        var b = Assert.Single(records.GetProperty("items").EnumerateArray());
        Assert.Equal("科技城B地块", b.GetProperty("name").GetString());
        Assert.Equal(107m, b.GetProperty("areaMu").GetDecimal());
        Assert.Equal(107m, value.GetProperty("value").GetDecimal());
        Assert.Equal(107m, target.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task C1_TheAcceleratorsProject_HadItsDesignTender_ByTheLettersDate()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var accelerator = (await (await staff.GetAsync("/api/v1/carriers?q=科技城企业加速器&kind=accelerator")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        var project = Assert.Single((await (await staff.GetAsync($"/api/v1/construction-projects?carrierId={accelerator}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray());

        var tender = project.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "design-tender");
        Assert.Equal("方案设计招标", tender.GetProperty("kindName").GetString());
        Assert.True(Day(tender, "actualOn") <= LetterDate);
        var groundbreaking = project.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "groundbreaking");
        Assert.False(Day(groundbreaking, "actualOn") <= LetterDate); // the letter names the tender as the latest step
    }

    [Fact]
    public async Task T2_Target20PercentProgressIn2023_WithTheActualFromTheAcceleratorsMonthlyReports()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string code = "carriers.project-progress";

        var target = (await (await staff.GetAsync($"/api/v1/targets?regionCode=330723&year=2023&indicatorCode={code}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == code);
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var project = Assert.Single(records.GetProperty("items").EnumerateArray());
        var history = await (await staff.GetAsync($"/api/v1/construction-projects/{project.GetProperty("id").GetGuid()}/progress")).ReadJsonAsync();

        Assert.Equal(20m, target.GetProperty("target").GetDecimal());
        Assert.Equal("科技城企业加速器项目", project.GetProperty("name").GetString());
        var last2023 = history.GetProperty("items").EnumerateArray().Last(r => r.GetProperty("month").GetString()!.StartsWith("2023-", StringComparison.Ordinal));
        Assert.Equal(last2023.GetProperty("percent").GetDecimal(), value.GetProperty("value").GetDecimal());
        Assert.Equal(project.GetProperty("progress").GetDecimal(), value.GetProperty("value").GetDecimal());
        Assert.Equal(value.GetProperty("value").GetDecimal(), target.GetProperty("actual").GetDecimal());
        Assert.Equal(21m, value.GetProperty("value").GetDecimal());
        Assert.True(target.GetProperty("met").GetBoolean());
    }

    private async Task<(Guid Enclave, System.Text.Json.JsonElement Records)> EnclavePaymentsAsync(string kind)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enclave = (await (await staff.GetAsync("/api/v1/carriers?q=武义杭州科创飞地&kind=enclave")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        return (enclave, await (await staff.GetAsync($"/api/v1/carriers/payments?carrierId={enclave}&kind={kind}")).ReadJsonAsync());
    }

    [Fact]
    public async Task C6_TheEnclavesSecondPurchaseInstalmentOf104Million_WasPaid_ByTheLettersDate()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (_, records) = await EnclavePaymentsAsync("purchase-instalment");

        var second = records.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("instalment").GetInt32() == 2);
        var value = await (await staff.GetAsync("/api/v1/indicators/carriers.enclave-purchase-paid/value?regionCode=330723&year=2023")).ReadJsonAsync();

        Assert.Equal(104_000_000m, second.GetProperty("amount").GetDecimal());
        Assert.Equal("1.04亿元", second.GetProperty("amountText").GetString());
        Assert.True(Day(second, "paidOn") <= LetterDate);
        Assert.Equal(104_000_000m, value.GetProperty("value").GetDecimal()); // the only instalment of 2023
    }

    [Fact]
    public async Task C7_TheRecoveriesFromTheDeveloper_AddUpToMoreThan3Million_ByTheLettersDate()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (_, records) = await EnclavePaymentsAsync("recovery");

        var byLetter = records.GetProperty("items").EnumerateArray().Where(i => Day(i, "paidOn") <= LetterDate).ToList();
        var sum = byLetter.Sum(i => i.GetProperty("amount").GetDecimal());
        var value = await (await staff.GetAsync("/api/v1/indicators/carriers.enclave-recovered/value?regionCode=330723&year=2023")).ReadJsonAsync();

        Assert.True(byLetter.Count >= 2); // individual records, not a stored total
        Assert.InRange(sum, 3_000_000m, 3_999_999.99m); // 300多万元
        Assert.Equal(records.GetProperty("amount").GetDecimal(), sum);
        Assert.Equal(sum, value.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("武义网易联合创新中心", 30, 11)] // C8: 完成招引注册企业30家,入驻企业11家
    [InlineData("武义县电子商务公共服务中心", 0, 11)] // C9: 入驻企业11家
    public async Task C8_C9_TheCentresTenants_OnTheLettersDate(string name, int registered, int resident)
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var item = (await (await staff.GetAsync($"/api/v1/carriers?q={name}&at=2023-07-06")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == name);

        Assert.Equal("2023-07-06", item.GetProperty("countedOn").GetString());
        Assert.Equal(registered, item.GetProperty("registeredCount").GetInt32());
        Assert.Equal(resident, item.GetProperty("residentCount").GetInt32());
    }

    [Fact]
    public async Task T4_Target100PercentOccupancyOfTheWangyiCentre_WithTheActualFromItsTenancies()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string code = "carriers.joint-center-occupancy";

        var target = (await (await staff.GetAsync($"/api/v1/targets?regionCode=330723&year=2023&indicatorCode={code}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == code);
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var wangyi = Assert.Single(records.GetProperty("items").EnumerateArray());

        Assert.Equal(100m, target.GetProperty("target").GetDecimal());
        Assert.Equal("武义网易联合创新中心", wangyi.GetProperty("name").GetString());
        Assert.Equal("2023-12-31", wangyi.GetProperty("countedOn").GetString());
        // The rate from the centre's unit records: those handed over by the day, and those a resident names.
        var units = (await (await staff.GetAsync($"/api/v1/carriers/{wangyi.GetProperty("id").GetGuid()}/units?at=2023-12-31")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().ToList();
        var handedOver = units.Count(u => u.GetProperty("available").GetBoolean());
        var occupied = units.Count(u => u.GetProperty("available").GetBoolean() && u.GetProperty("occupantId").ValueKind != System.Text.Json.JsonValueKind.Null);
        var rate = decimal.Round(occupied * 100m / handedOver, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(16, handedOver);
        Assert.Equal(wangyi.GetProperty("residentCount").GetInt32(), occupied); // every resident names its unit
        Assert.Equal("units", wangyi.GetProperty("occupancyMeasure").GetString());
        Assert.Equal(rate, wangyi.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal(rate, value.GetProperty("value").GetDecimal());
        Assert.Equal(rate, target.GetProperty("actual").GetDecimal());
        Assert.Equal(68.8m, rate); // 11 of 16 units: the target is not met, as the records say
        Assert.False(target.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task T3_TwoBuildingsDeliveredIn2024_WithTheActualFromTheBuildingsOpeningDays()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string code = "carriers.buildings-delivered";

        var target = (await (await staff.GetAsync($"/api/v1/targets?regionCode=330723&year=2024&indicatorCode={code}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == code);
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year=2024")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var in2023 = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year=2023")).ReadJsonAsync();
        var names = records.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(2m, target.GetProperty("target").GetDecimal());
        Assert.Equal(">=", target.GetProperty("comparator").GetString());
        Assert.Equal(["研发总部3#楼", "研发总部8#楼"], names); // 7#楼, delivered 2023-04-20, is not 2024's
        Assert.All(records.GetProperty("items").EnumerateArray(), i => Assert.Equal("building", i.GetProperty("kind").GetString()));
        Assert.Equal(names.Count, value.GetProperty("value").GetDecimal());
        Assert.Equal(2m, target.GetProperty("actual").GetDecimal());
        Assert.True(target.GetProperty("met").GetBoolean());
        Assert.Equal("/carriers?kind=building&regionCode=330723&openedYear=2024", value.GetProperty("recordsUrl").GetString());
        Assert.True(in2023.GetProperty("value").GetDecimal() >= 1m); // 7#楼 counts in its own year
    }

    public sealed class OnSqlite(SqliteApp app) : CarrierLetterFiguresTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CarrierLetterFiguresTests(app), IClassFixture<PostgresApp>;
}
