using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The role-permission table is what the application does: every write operation of the API document (POST, PUT,
/// PATCH, DELETE) names its row, and every demo account — one or more of each role — is refused (403 “无权执行此操作”)
/// exactly where its role is not in that row, before anything is validated. The pages reach the same handlers and are
/// refused the same way.
/// </summary>
public abstract class RolePermissionTests(KechuangApp app)
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    /// <summary>The demo accounts, one for every role (two county clerks): the walk fails when one is missing.</summary>
    private static readonly string[] Accounts =
        ["admin", "security", "auditor", "city.staff", "wuyi.staff", "panan.staff", "expert.chen", "shouxiangu", "zjnu"];

    private sealed record Operation(string Method, string Path, string? Permission, string? Body, IReadOnlyList<string> Query);

    [Fact]
    public async Task EveryWriteEndpoint_ForEveryRole_IsAllowedOrRefusedAsTheTableSays()
    {
        var table = app.Services.GetRequiredService<PermissionTable>();
        var operations = await WriteOperationsAsync();
        var roles = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => Accounts.Contains(a.UserName))
            .ToDictionaryAsync(a => a.UserName, a => a.Role));

        var problems = new List<string>();
        foreach (var operation in operations.Where(o => o.Permission is null || table.Find(o.Permission) is null))
        {
            problems.Add($"{operation.Method} {operation.Path}: {(operation.Permission is null ? "names no row of the table (x-permission)" : $"names {operation.Permission}, which no module contributes")}");
        }
        var checkedCount = 0;
        foreach (var account in Accounts)
        {
            var role = roles[account];
            using var client = await app.ClientAsync(account);
            foreach (var operation in operations.Where(o => o.Permission is not null && table.Find(o.Permission) is not null))
            {
                var allowed = table.Find(operation.Permission!)!.Permission.Allows(role);
                using var request = Request(operation);
                using var response = await client.SendAsync(request);
                var refused = await RefusedByRoleAsync(response);
                checkedCount++;
                if (refused == allowed)
                {
                    problems.Add($"{account} ({role}) {operation.Method} {operation.Path} [{operation.Permission}]: expected {(allowed ? "allowed" : "403")}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Equal(Accounts.Length, roles.Count);
        Assert.Equal(Enum.GetValues<Role>().Length, roles.Values.Distinct().Count());
        Assert.True(operations.Count >= 50, $"only {operations.Count} write operations in the document");
        Assert.Equal(operations.Count(o => o.Permission is not null) * Accounts.Length, checkedCount);
        Assert.True(problems.Count == 0, $"{problems.Count} answers differ from the table:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public async Task Expert_WritesNothing_ContractsEnterprisesYearsAndRecords_Are403AndTheDatabaseIsUnchanged()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var expert = await app.ClientAsync("expert.chen");
        var (enterprise, seller, buyer) = await PartiesAsync();
        await (await staff.PostJsonAsync("/api/v1/enterprise-years", YearBody(enterprise, 2021, 30_000_000m))).CreatedIdAsync();
        var export = await (await staff.GetAsync($"/api/v1/enterprise-years/export?enterpriseId={enterprise}")).Content.ReadAsByteArrayAsync();
        var contracts = await app.WithDbAsync(db => db.Set<TechContract>().CountAsync());
        var before = await YearSalesAsync(enterprise, 2021);

        var answers = new[]
        {
            await expert.PostJsonAsync("/api/v1/contracts", ContractBody(seller, buyer)),
            await expert.PostJsonAsync("/api/v1/enterprise-years", YearBody(enterprise, 2021, 1m)),
            await expert.PostAsync("/api/v1/enterprise-years/import", Upload(export)),
            await expert.PutAsJsonAsync($"/api/v1/enterprises/{enterprise}", new { industryCode = "C3473", taxCollection = "deemed", registrationDate = "2015-03-01" }),
            await expert.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = enterprise, kind = "tech-sme", number = "2021330723" + enterprise.ToString("N")[..6], year = 2021 }),
            await expert.PostJsonAsync("/api/v1/intellectual-property", new { enterpriseId = enterprise, kind = "invention-patent", title = "专家不能登记的专利", number = "ZL2021" + enterprise.ToString("N")[..8], status = "granted", appliedOn = "2021-03-01", grantedOn = "2022-05-01" }),
            await expert.PostJsonAsync("/api/v1/award-nominations", new { enterpriseId = enterprise, award = "浙江省科学技术进步奖", level = "provincial", grade = "一等奖", year = 2021, project = "专家不能登记的项目", result = "won" }),
        };

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            var problem = await answer.ReadJsonAsync();
            Assert.StartsWith("无权执行此操作：", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(PermissionChecks.RefusedCode, problem.GetProperty("code").GetString());
        }
        Assert.Equal(contracts, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync()));
        Assert.Equal(before, await YearSalesAsync(enterprise, 2021));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Kechuang.Modules.Enterprises.Qualification>().CountAsync(q => q.OrganizationId == enterprise)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Kechuang.Modules.Enterprises.AwardNomination>().CountAsync(q => q.OrganizationId == enterprise)));
        // The same file is one the bureau may import: the refusal is the expert's role, not the file.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/v1/enterprise-years/import", Upload(export))).StatusCode);
    }

    [Fact]
    public async Task Expert_ThroughThePagesRunner_IsRefusedByTheSameHandler()
    {
        var (_, seller, buyer) = await PartiesAsync();
        var expert = await app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.UserName == "expert.chen"));
        var contracts = await app.WithDbAsync(db => db.Set<TechContract>().CountAsync());

        await using var scope = app.Services.CreateAsyncScope();
        // The circuit's user, as CurrentUserCircuitHandler sets it when a page opens.
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(SignInHandler.Principal(expert, "test"));
        var run = scope.ServiceProvider.GetRequiredService<ScopedRunner>();
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            run.With<CreateContractHandler, Guid>(h => h.HandleAsync(new ContractInput("专家页面登记的合同", "development", null, seller, buyer,
                new DateOnly(2025, 3, 1), 100_000m, 100_000m))));

        Assert.Equal(PermissionChecks.RefusedCode, refusal.Code);
        Assert.Equal(contracts, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync()));
    }

    [Fact]
    public async Task Enterprise_RecordsItsFiguresButNotWhatAnAuthorityGrantedIt()
    {
        var shouxiangu = await app.ClientAsync("shouxiangu");
        var staff = await app.ClientAsync("wuyi.staff");
        var own = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "shouxiangu").Select(a => a.OrganizationId!.Value).SingleAsync());
        var number = "GR2025" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var certificate = new { enterpriseId = own, kind = "high-tech-enterprise", number, issueDate = "2025-12-01" };
        var award = new { enterpriseId = own, award = "金华市科学技术奖", level = "city", grade = "一等奖", year = 2025, project = "自报获奖的项目" + number, result = "won" };

        var ownYear = await shouxiangu.PostJsonAsync("/api/v1/enterprise-years", YearBody(own, 2018, 50_000_000m));
        var ownCertificate = await shouxiangu.PostJsonAsync("/api/v1/qualifications", certificate);
        var ownAward = await shouxiangu.PostJsonAsync("/api/v1/award-nominations", award);

        Assert.Equal(HttpStatusCode.Created, ownYear.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownCertificate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownAward.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Kechuang.Modules.Enterprises.Qualification>().AnyAsync(q => q.Number == number)));
        // The bureau records the same certificate from the official list.
        await (await staff.PostJsonAsync("/api/v1/qualifications", certificate)).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/award-nominations", award)).CreatedIdAsync();
    }

    /// <summary>Every write operation of the served document with the row it names and the shape of its body.</summary>
    private async Task<List<Operation>> WriteOperationsAsync()
    {
        using var anonymous = app.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => WriteMethods.Contains(m.Name)))
            {
                var op = method.Value;
                var permission = op.TryGetProperty("x-permission", out var p) ? p.GetString() : null;
                string? body = null;
                if (op.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    body = content.EnumerateObject().Select(c => c.Name).FirstOrDefault();
                }
                var query = op.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToList()
                    : [];
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, permission, body, query));
            }
        }
        return operations;
    }

    /// <summary>
    /// A request that cannot change anything for a caller the table allows: an empty JSON body or an unreadable file
    /// (400), an id that names no record (404), a year no rule accepts (400). A refused caller is answered 403 first.
    /// </summary>
    private static HttpRequestMessage Request(Operation operation)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]+}", _ => Guid.NewGuid().ToString());
        if (operation.Query.Contains("year"))
        {
            path += "?year=1";
        }
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Body == "multipart/form-data")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("不是一个工作簿"));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(file, "file", "权限检查.xlsx");
            request.Content = form;
        }
        else if (operation.Body is not null)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>403 “无权执行此操作…”: the table's refusal, or the role policy of an administrators' group answering the same.</summary>
    private static async Task<bool> RefusedByRoleAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }
        var problem = await response.ReadJsonAsync();
        return problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("title", out var title)
            && title.GetString()!.StartsWith("无权执行此操作", StringComparison.Ordinal);
    }

    private async Task<(Guid Enterprise, Guid Seller, Guid Buyer)> PartiesAsync()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = KechuangApp.NewCreditCode("330723");
        var enterprise = await (await staff.PostJsonAsync("/api/v1/organizations", new { name = $"权限测试企业{code[^6..]}", kind = "enterprise", creditCode = code, regionCode = "330723101" }))
            .CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/enterprises", new { enterpriseId = enterprise, industryCode = "C3473", taxCollection = "actual-profit", registrationDate = "2015-03-01" }))
            .CreatedIdAsync();
        var buyer = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == "zjnu").Select(a => a.OrganizationId!.Value).SingleAsync());
        return (enterprise, enterprise, buyer);
    }

    private Task<decimal?> YearSalesAsync(Guid enterprise, int year) =>
        app.WithServiceAsync<Kechuang.Modules.Enterprises.ListYearRecordsHandler, decimal?>(async h =>
            (await h.HandleAsync(new Kechuang.Modules.Enterprises.RecordQuery(EnterpriseId: enterprise, Year: year), CancellationToken.None)).Items.SingleOrDefault()?.SalesRevenue);

    private static object ContractBody(Guid seller, Guid buyer) => new
    {
        title = "专家不能登记的技术开发合同",
        type = "development",
        sellerId = seller,
        buyerId = buyer,
        signDate = "2025-03-01",
        amount = 100_000m,
        transactionAmount = 100_000m,
    };

    private static object YearBody(Guid enterpriseId, int year, decimal sales) => new
    {
        enterpriseId,
        year,
        salesRevenue = sales,
        totalIncome = sales + 1_000_000m,
        nonTaxableIncome = 1_000_000m,
        highTechRevenue = sales * 0.7m,
        totalAssets = 20_000_000m,
        liabilities = 8_000_000m,
        rdInHouseDomestic = sales * 0.05m,
        totalCostsAndExpenses = sales * 0.9m,
        employees = 100,
        techStaff = 12,
        transformations = 2,
    };

    private static MultipartFormDataContent Upload(byte[] file)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "年度经营数据.xlsx");
        return content;
    }

    public sealed class OnSqlite(SqliteApp app) : RolePermissionTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RolePermissionTests(app), IClassFixture<PostgresApp>;
}
