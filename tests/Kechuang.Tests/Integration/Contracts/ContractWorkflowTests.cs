using System.Net;
using System.Net.Http.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

public abstract class ContractWorkflowTests(KechuangApp app)
{
    [Fact]
    public async Task Create_TransactionAmountEqualToAmount_Is201()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostJsonAsync("/api/v1/contracts", await BodyAsync(app, Unique("等额合同"), 123456.78m, 123456.78m));

        var id = await response.CreatedIdAsync();
        var detail = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal("draft", detail.GetProperty("status").GetString());
        Assert.Equal(123456.78m, detail.GetProperty("transactionAmount").GetDecimal());
        Assert.Equal(0m, detail.GetProperty("nonTechnicalAmount").GetDecimal());
        Assert.StartsWith("330723", detail.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Create_TransactionAmountOneFenOver_Is400_AndSavesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var title = Unique("超额合同");

        var response = await staff.PostJsonAsync("/api/v1/contracts", await BodyAsync(app, title, 123456.78m, 123456.79m));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("transactionAmount")[0].GetString();
        Assert.Contains("不能超过合同成交额", message);
        var list = await (await staff.GetAsync($"/api/v1/contracts?q={title}")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_MissingFields_Is400WithChineseMessagePerField()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostJsonAsync("/api/v1/contracts", new { title = "", type = "sale", amount = 1.001m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写合同名称", errors.GetProperty("title")[0].GetString());
        Assert.Contains("合同类型取值无效", errors.GetProperty("type")[0].GetString());
        Assert.Contains("两位小数", errors.GetProperty("amount")[0].GetString());
        Assert.Equal("请选择卖方（登记申请方）", errors.GetProperty("sellerId")[0].GetString());
        Assert.Equal("请填写签订日期", errors.GetProperty("signDate")[0].GetString());
    }

    [Fact]
    public async Task Create_Duplicate_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = await BodyAsync(app, Unique("重复合同"));
        await (await staff.PostJsonAsync("/api/v1/contracts", body)).CreatedIdAsync();

        var response = await staff.PostJsonAsync("/api/v1/contracts", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("contracts.duplicate", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Enterprise_SubmitsOwnContract_ButCannotRegisterForOthersOrReview()
    {
        var enterprise = await app.ClientAsync("shouxiangu");

        var other = await enterprise.PostJsonAsync("/api/v1/contracts", await BodyAsync(app, Unique("替他人登记"), seller: Hengda));
        var id = await CreateAsync(enterprise, await BodyAsync(app, Unique("寿仙谷自有合同"), seller: Shouxiangu), "submit");
        var review = await enterprise.PostAsync($"/api/v1/contracts/{id}/review", null);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        var detail = await (await enterprise.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal("submitted", detail.GetProperty("status").GetString());
        var hengdaContracts = await (await enterprise.GetAsync($"/api/v1/contracts?sellerId={(await OrgAsync(app, Hengda)).Id}")).ReadJsonAsync();
        Assert.Equal(0, hengdaContracts.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Register_FullWorkflow_AssignsNumberAndShowsTimeline()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("完整流程合同")), "submit", "review");

        var response = await staff.PostAsync($"/api/v1/contracts/{id}/register", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = (await response.ReadJsonAsync()).GetProperty("registrationNumber").GetString()!;
        // 2026, 金华市 3307, 武义县's point 03, a six-digit sequence.
        Assert.Matches("^26330703[0-9]{6}$", number);
        var detail = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal("registered", detail.GetProperty("status").GetString());
        Assert.Equal(number, detail.GetProperty("registrationNumber").GetString());
        var steps = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Equal(["draft", "submitted", "under-review", "registered"], steps);
        Assert.All(detail.GetProperty("timeline").EnumerateArray(), t => Assert.Equal("wuyi.staff", t.GetProperty("account").GetString()));
        var audit = await (await (await app.ClientAsync("auditor")).GetAsync($"/api/v1/audit?entity=contracts_contract&key={id}")).ReadJsonAsync();
        Assert.True(audit.GetProperty("total").GetInt32() >= 4);
    }

    [Theory]
    [InlineData("register", new string[0])]
    [InlineData("review", new[] { "submit", "review" })]
    [InlineData("submit", new[] { "submit" })]
    [InlineData("refuse", new[] { "submit", "review", "register" })]
    [InlineData("return", new[] { "submit", "review", "register" })]
    public async Task IllegalTransition_Is409AndChangesNothing(string action, string[] before)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("非法流转")), before);
        var status = (await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync()).GetProperty("status").GetString();

        var response = action switch
        {
            "refuse" => await staff.PostJsonAsync($"/api/v1/contracts/{id}/refuse", new { reason = "not-technology-contract" }),
            "return" => await staff.PostJsonAsync($"/api/v1/contracts/{id}/return", new { note = "补正" }),
            _ => await staff.PostAsync($"/api/v1/contracts/{id}/{action}", null),
        };

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("contracts.invalid-transition", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(status, (await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refuse_WithOfficialReason_IsFinalAndShowsReason()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("不予登记合同")), "submit", "review");

        var bad = await staff.PostJsonAsync($"/api/v1/contracts/{id}/refuse", new { reason = "too-expensive" });
        var otherWithoutNote = await staff.PostJsonAsync($"/api/v1/contracts/{id}/refuse", new { reason = "other" });
        var ok = await staff.PostJsonAsync($"/api/v1/contracts/{id}/refuse", new { reason = "签章不全或者印章与合同当事人名称不符" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var detail = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal("refused", detail.GetProperty("status").GetString());
        Assert.Equal("incomplete-seal", detail.GetProperty("refusalReason").GetString());
        Assert.Empty(detail.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task Return_MakesContractEditable_AndItCanBeSubmittedAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var title = Unique("退回补正合同");
        var id = await CreateAsync(staff, await BodyAsync(app, title, 50000m), "submit");

        var returned = await staff.PostJsonAsync($"/api/v1/contracts/{id}/return", new { note = "请补充技术方案" });
        var edit = await staff.PutAsJsonAsync($"/api/v1/contracts/{id}", await BodyAsync(app, title, 60000m, 55000m));
        var again = await staff.PostAsync($"/api/v1/contracts/{id}/submit", null);

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var detail = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal(55000m, detail.GetProperty("transactionAmount").GetDecimal());
        Assert.Equal(["draft", "submitted", "returned", "submitted"], detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList());
        var editSubmitted = await staff.PutAsJsonAsync($"/api/v1/contracts/{id}", await BodyAsync(app, title, 70000m));
        Assert.Equal(HttpStatusCode.Conflict, editSubmitted.StatusCode);
    }

    [Fact]
    public async Task Register_TwentyConcurrentCalls_YieldOneRegistrationNumber()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("并发登记合同")), "submit", "review");
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.ClientAsync(i % 2 == 0 ? "wuyi.staff" : "city.staff")));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/contracts/{id}/register", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var number = (await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync()).GetProperty("registrationNumber").GetString();
        var (stored, registeredSteps, holders) = await app.WithDbAsync(async db => (
            await db.Set<TechContract>().Where(c => c.Id == id).Select(c => c.RegistrationNumber).SingleAsync(),
            await db.Set<ContractTransition>().CountAsync(t => t.ContractId == id && t.To == ContractStatus.Registered),
            await db.Set<TechContract>().CountAsync(c => c.RegistrationNumber == number)));
        Assert.Equal(number, stored);
        Assert.Equal(1, registeredSteps);
        Assert.Equal(1, holders);
    }

    [Fact]
    public async Task Register_TwentyContractsAtOnce_GetDistinctConsecutiveNumbers()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await CreateAsync(staff, await BodyAsync(app, Unique($"批量并发登记{i}")), "submit", "review"));
        }

        var responses = await Task.WhenAll(ids.Select(id => staff.PostAsync($"/api/v1/contracts/{id}/register", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Set<TechContract>().Where(c => ids.Contains(c.Id)).Select(c => c.RegistrationNumber!).ToListAsync());
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.StartsWith("26330703", n));
        // Consecutive: whatever this class registered before, the twenty follow one another without a gap.
        var sequences = numbers.Select(n => ContractsRules.SequenceOf(n, "26330703")).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);
    }

    public sealed class OnSqlite(SqliteApp app) : ContractWorkflowTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractWorkflowTests(app), IClassFixture<PostgresApp>;
}
