using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>What the market module calls: a draft for a sold lot, and registration states.</summary>
public abstract class TechContractsPublicTests(KechuangApp app)
{
    [Fact]
    public async Task CreateDraft_ThenStates_ShowsDraftAndLaterRegistration()
    {
        var seller = await OrgAsync(app, "浙江师范大学");
        var buyer = await OrgAsync(app, Hengda);
        var draft = new DraftContract(Unique("拍卖标的转让"), "transfer", seller.Id, buyer.Id, new DateOnly(2026, 2, 20), 1_234_567.89m, "拍卖会：首场科技成果拍卖会 第3号标的");

        var id = await UseAsync(contracts => contracts.CreateDraftAsync(draft));
        var states = await UseAsync(contracts => contracts.StatesAsync([id, Guid.NewGuid()]));

        var state = Assert.Single(states).Value;
        Assert.Equal(id, state.Id);
        Assert.Equal("draft", state.Status);
        Assert.Equal("草稿", state.StatusName);
        Assert.Null(state.RegistrationNumber);
        var staff = await app.ClientAsync("city.staff");
        var detail = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal(1_234_567.89m, detail.GetProperty("transactionAmount").GetDecimal());
        Assert.Equal("330702", detail.GetProperty("regionCode").GetString());
        Assert.Equal(draft.Source, detail.GetProperty("source").GetString());
    }

    [Fact]
    public async Task CreateDraft_SameLotTwice_IsDuplicate()
    {
        var seller = await OrgAsync(app, "浙江师范大学");
        var buyer = await OrgAsync(app, Shouxiangu);
        var draft = new DraftContract(Unique("重复标的"), "license", seller.Id, buyer.Id, new DateOnly(2026, 2, 21), 5000m, "拍卖会");
        await UseAsync(contracts => contracts.CreateDraftAsync(draft));

        var error = await Assert.ThrowsAsync<RuleException>(() => UseAsync(contracts => contracts.CreateDraftAsync(draft)));

        Assert.Equal("contracts.duplicate", error.Code);
    }

    private async Task<T> UseAsync<T>(Func<ITechContracts, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        return await work(scope.ServiceProvider.GetRequiredService<ITechContracts>());
    }

    public sealed class OnSqlite(SqliteApp app) : TechContractsPublicTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TechContractsPublicTests(app), IClassFixture<PostgresApp>;
}
