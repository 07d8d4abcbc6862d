using System.Net;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>A 磐安县 account sees no 武义县 contract through list, detail, export, import or indicator, and cannot register one.</summary>
public abstract class ContractScopeTests(KechuangApp app)
{
    [Fact]
    public async Task PananStaff_SeesAndTouchesNoWuyiContract()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var title = Unique("武义保密合同");
        var id = await CreateAsync(wuyi, await BodyAsync(app, title), "submit", "review");

        var list = await (await panan.GetAsync($"/api/v1/contracts?q={title}")).ReadJsonAsync();
        var all = await (await panan.GetAsync("/api/v1/contracts?pageSize=200")).ReadJsonAsync();
        var detail = await panan.GetAsync($"/api/v1/contracts/{id}");
        var register = await panan.PostAsync($"/api/v1/contracts/{id}/register", null);
        var refuse = await panan.PostJsonAsync($"/api/v1/contracts/{id}/refuse", new { reason = "other", note = "越权" });
        var export = await panan.GetAsync("/api/v1/contracts/export?year=2022");
        var import = await UploadAsync(panan, [Row(Unique("磐安导武义"), Hengda, Zju, 1000m, 1000m)]);

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("330727", i.GetProperty("regionCode").GetString()));
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refuse.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("磐安县", r["登记地区"]?.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal("卖方名称", (await import.ReadJsonAsync()).GetProperty("rows")[0].GetProperty("column").GetString());
        var after = await (await wuyi.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal("under-review", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Expert_CannotListContracts()
    {
        var expert = await app.ClientAsync("expert.chen");

        var response = await expert.GetAsync("/api/v1/contracts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : ContractScopeTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractScopeTests(app), IClassFixture<PostgresApp>;
}
