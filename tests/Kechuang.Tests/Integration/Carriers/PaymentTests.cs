using System.Net;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>A carrier's money records (购房款, 违约处置挽回): rules, sums from records, the enclave indicators, scope and export.</summary>
public abstract class PaymentTests(KechuangApp app)
{
    private static Task<HttpResponseMessage> PayAsync(HttpClient staff, Guid carrier, string kind, int? instalment, decimal amount, string paidOn) =>
        staff.PostJsonAsync($"/api/v1/carriers/{carrier}/payments", new { kind, instalment, amount, paidOn, counterparty = "开发商", note = "测试" });

    [Fact]
    public async Task Payments_AreListedWithTheirSum_AndAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enclave = await CreateCarrierAsync(staff, Unique("茭道飞地"), "enclave");

        var first = await (await PayAsync(staff, enclave, "purchase-instalment", 1, 50_000_000m, "2022-06-28")).CreatedIdAsync();
        await (await PayAsync(staff, enclave, "购房款", 2, 104_000_000m, "2023-04-20")).CreatedIdAsync();
        await (await PayAsync(staff, enclave, "recovery", null, 1_234_567.89m, "2023-05-30")).CreatedIdAsync();

        var all = await (await staff.GetAsync($"/api/v1/carriers/payments?carrierId={enclave}")).ReadJsonAsync();
        var purchases2023 = await (await staff.GetAsync($"/api/v1/carriers/payments?carrierId={enclave}&kind=purchase-instalment&year=2023")).ReadJsonAsync();
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(155_234_567.89m, all.GetProperty("amount").GetDecimal());
        Assert.Equal(["第1期购房款", "第2期购房款", "违约处置挽回"], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(104_000_000m, purchases2023.GetProperty("amount").GetDecimal());
        Assert.Equal("1.04亿元", purchases2023.GetProperty("amountText").GetString());
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=carriers_payment&key={first}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Instalments_AreRecordedOnce_InTheirOrder_AndBadInputIs400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enclave = await CreateCarrierAsync(staff, Unique("分期飞地"), "enclave");
        await (await PayAsync(staff, enclave, "purchase-instalment", 1, 1_000m, "2023-01-10")).CreatedIdAsync();

        var twice = await PayAsync(staff, enclave, "purchase-instalment", 1, 2_000m, "2023-02-10");
        var beforeFirst = await PayAsync(staff, enclave, "purchase-instalment", 2, 2_000m, "2023-01-09");
        var invalid = await staff.PostJsonAsync($"/api/v1/carriers/{enclave}/payments", new { kind = "recovery", instalment = 1, amount = 0.001m, paidOn = "2026-03-03" });

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("carriers.instalment-exists", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, beforeFirst.StatusCode);
        Assert.Equal("carriers.instalment-order", (await beforeFirst.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("违约处置挽回的资金不分期次，请不要填写期次", errors.GetProperty("instalment")[0].GetString());
        Assert.Equal("金额最多保留两位小数（分）", errors.GetProperty("amount")[0].GetString());
        Assert.Equal("支付（到账）日期不能晚于今天", errors.GetProperty("paidOn")[0].GetString());
    }

    [Fact]
    public async Task EnclaveIndicators_SumTheEnclavesRecordsOfTheYear_NotOtherCarriers()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string region = "330723106"; // 大田乡: no demo carriers
        var enclave = await CreateCarrierAsync(staff, Unique("大田飞地"), "enclave", region);
        var building = await CreateCarrierAsync(staff, Unique("大田楼宇"), "building", region);
        await (await PayAsync(staff, enclave, "purchase-instalment", 1, 30_000_000m, "2022-12-31")).CreatedIdAsync();
        await (await PayAsync(staff, enclave, "purchase-instalment", 2, 104_000_000m, "2023-01-01")).CreatedIdAsync();
        await (await PayAsync(staff, enclave, "recovery", null, 2_000_000m, "2023-05-30")).CreatedIdAsync();
        await (await PayAsync(staff, enclave, "recovery", null, 1_100_000.50m, "2023-12-31")).CreatedIdAsync();
        await (await PayAsync(staff, building, "purchase-instalment", 1, 9_000_000m, "2023-03-01")).CreatedIdAsync();
        await (await PayAsync(staff, building, "recovery", null, 500_000m, "2023-03-01")).CreatedIdAsync();

        async Task<System.Text.Json.JsonElement> ValueAsync(string code, int year) =>
            await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync();
        var paid = await ValueAsync("carriers.enclave-purchase-paid", 2023);
        var recovered = await ValueAsync("carriers.enclave-recovered", 2023);
        var paidRecords = await (await staff.GetAsync(paid.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var recoveredRecords = await (await staff.GetAsync(recovered.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();

        Assert.Equal(104_000_000m, paid.GetProperty("value").GetDecimal());
        Assert.Equal("元", paid.GetProperty("unit").GetString());
        Assert.Equal(3_100_000.50m, recovered.GetProperty("value").GetDecimal());
        Assert.Equal($"/carriers/payments?regionCode={region}&carrierKind=enclave&kind=recovery&year=2023", recovered.GetProperty("recordsUrl").GetString());
        Assert.Equal(paid.GetProperty("value").GetDecimal(), paidRecords.GetProperty("amount").GetDecimal());
        Assert.Equal(1, paidRecords.GetProperty("total").GetInt32());
        Assert.Equal(recovered.GetProperty("value").GetDecimal(), recoveredRecords.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal()));
        Assert.Equal(30_000_000m, (await ValueAsync("carriers.enclave-purchase-paid", 2022)).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task PananStaff_CannotSeeOrAddWuyiPayments()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var enclave = await CreateCarrierAsync(wuyi, Unique("武义专属飞地"), "enclave");
        await (await PayAsync(wuyi, enclave, "recovery", null, 10m, "2023-01-01")).CreatedIdAsync();

        var list = await (await panan.GetAsync($"/api/v1/carriers/payments?carrierId={enclave}")).ReadJsonAsync();
        var add = await PayAsync(panan, enclave, "recovery", null, 10m, "2023-01-01");
        var enterprise = await PayAsync(await app.ClientAsync("shouxiangu"), enclave, "recovery", null, 10m, "2023-01-01");

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(0m, list.GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
    }

    [Fact]
    public async Task Export_HoldsTheCarriersRecords_InYuan()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enclave = await CreateCarrierAsync(staff, Unique("导出飞地"), "enclave");
        await (await PayAsync(staff, enclave, "purchase-instalment", 2, 104_000_000m, "2023-04-20")).CreatedIdAsync();

        var export = await staff.GetAsync($"/api/v1/carriers/payments/export?carrierId={enclave}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList());
        Assert.Equal("购房款", row["资金类型"]);
        Assert.Equal(2m, Convert.ToDecimal(row["期次"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(104_000_000m, Convert.ToDecimal(row["金额（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2023-04-20", row["支付（到账）日期"]);
    }

    [Fact]
    public async Task Pages_ShowTheEnclavesRecordsAndSums()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enclave = (await (await staff.GetAsync("/api/v1/carriers?q=武义杭州科创飞地")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{enclave}"));
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/payments?carrierId={enclave}&kind=recovery&year=2023"));

        Assert.Contains("购房款合计 2.24亿元；违约处置挽回合计 312.45万元", detail, StringComparison.Ordinal);
        Assert.Contains("第2期购房款", detail, StringComparison.Ordinal);
        Assert.Contains("合计 312.45万元（共 2 笔，按当前筛选）", list, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : PaymentTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PaymentTests(app), IClassFixture<PostgresApp>;
}
