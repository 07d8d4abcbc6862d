using System.Net;
using Kechuang.Modules.Transfer;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Transfer;

/// <summary>
/// The contract a cooperation led to: the form's picker finds registered contracts by title or registration number, those
/// of the cooperation's parties first; a cooperation names only a registered one, and shows it by number, title and amount.
/// </summary>
public abstract class CooperationContractTests(KechuangApp app)
{
    private const string Quanxi = "浙江泉溪五金制品有限公司";

    [Fact]
    public async Task Picker_FindsRegisteredContracts_ThePartiesFirst_AndByRegistrationNumber()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var stem = Unique("合作对应合同");
        var ours = await CreateAsync(staff, await BodyAsync(app, stem + "甲", 100000m, seller: Quanxi, buyer: Zju), "submit", "review", "register");
        var others = await CreateAsync(staff, await BodyAsync(app, stem + "乙", 250000m, seller: Hengda, buyer: Shouxiangu), "submit", "review", "register");
        await CreateAsync(staff, await BodyAsync(app, stem + "丙", 80000m, seller: Quanxi, buyer: Zju), "submit");
        var quanxi = (await OrgAsync(app, Quanxi)).Id;
        var number = (await (await staff.GetAsync($"/api/v1/contracts/{ours}")).ReadJsonAsync()).GetProperty("registrationNumber").GetString()!;

        var found = await FindAsync(stem, quanxi, null);

        Assert.Equal([ours, others], found.Select(o => o.Id));
        Assert.True(found[0].OfParties);
        Assert.False(found[1].OfParties);
        Assert.Equal($"{number} · {stem}甲 · 10万元", found[0].Label);
        // Nothing typed: the parties' registered contracts only.
        Assert.Contains(await FindAsync(null, quanxi, null), o => o.Id == ours);
        Assert.DoesNotContain(await FindAsync(null, quanxi, null), o => o.Id == others);
        Assert.Equal(ours, Assert.Single(await FindAsync(number, null, null)).Id);
        // The contract already chosen stays offered whatever is typed.
        Assert.Equal([others], (await FindAsync("查无此合同", null, others)).Select(o => o.Id));
    }

    [Fact]
    public async Task Cooperation_NamesOnlyARegisteredContract_AndShowsItsTitleAndAmount()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var stem = Unique("合作登记合同");
        var submitted = await CreateAsync(staff, await BodyAsync(app, stem + "未登记", 90000m, seller: Quanxi, buyer: Zju), "submit");
        var registered = await CreateAsync(staff, await BodyAsync(app, stem + "已登记", 120000m, seller: Quanxi, buyer: Zju), "submit", "review", "register");
        var quanxi = (await OrgAsync(app, Quanxi)).Id;
        var zju = (await OrgAsync(app, Zju)).Id;

        var refused = await staff.PostJsonAsync("/api/v1/transfer/cooperations", TransferScenario.Cooperation(quanxi, zju, stem + "合作", contractId: submitted));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("只能关联已登记的技术合同，该合同当前为“已提交”", (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("contractId")[0].GetString());
        var id = await (await staff.PostJsonAsync("/api/v1/transfer/cooperations", TransferScenario.Cooperation(quanxi, zju, stem + "合作", contractId: registered))).CreatedIdAsync();
        var cooperation = await (await staff.GetAsync($"/api/v1/transfer/cooperations/{id}")).ReadJsonAsync();
        Assert.Equal(registered, cooperation.GetProperty("contractId").GetGuid());
        Assert.Equal(stem + "已登记", cooperation.GetProperty("contractTitle").GetString());
        Assert.Equal("12万元", cooperation.GetProperty("contractAmountText").GetString());
        Assert.Equal("已登记", cooperation.GetProperty("contractStatusName").GetString());
    }

    private Task<IReadOnlyList<CooperationContractOption>> FindAsync(string? text, Guid? enterprise, Guid? chosen) =>
        app.WithServiceAsync<FindCooperationContractsHandler, IReadOnlyList<CooperationContractOption>>(h => h.HandleAsync(text, enterprise, null, chosen));

    public sealed class OnSqlite(SqliteApp app) : CooperationContractTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CooperationContractTests(app), IClassFixture<PostgresApp>;
}
