using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// 等保 separation of duties among three administrators: the city administrator (系统管理员) manages business accounts
/// and data, the security administrator (安全管理员) manages administrator accounts, locks and second factors, the
/// audit administrator (审计管理员) reads the audit log — and none can do another's work.
/// </summary>
public abstract class RoleSeparationTests(KechuangApp app)
{
    private static object Account(string role, string region = "330700") => new
    {
        userName = $"r{Guid.NewGuid():N}"[..12],
        password = KechuangApp.Password,
        displayName = "分权测试",
        role,
        regionCode = region,
        mustChangePassword = false,
    };

    [Fact]
    public async Task AuditLog_IsReadByTheAuditAdministratorOnly()
    {
        var auditor = await app.ClientAsync("auditor");
        var admin = await app.ClientAsync("admin");
        var security = await app.ClientAsync("security");

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task AuditAdministrator_ChangesNothingElse_AndSeesNoRecords()
    {
        var auditor = await app.ClientAsync("auditor");

        var accounts = await auditor.GetAsync("/api/v1/admin/users");
        var create = await auditor.PostJsonAsync("/api/v1/admin/users", Account("county-staff", "330723"));
        var organization = await auditor.PostJsonAsync("/api/v1/organizations",
            new { name = "审计员不能建的公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" });
        var organizations = await (await auditor.GetAsync("/api/v1/organizations")).ReadJsonAsync();
        var targets = await auditor.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, organization.StatusCode);
        Assert.Equal(0, organizations.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, targets.StatusCode);
    }

    [Fact]
    public async Task AdministratorAccounts_AreManagedByTheSecurityAdministrator_BusinessAccountsByTheCityAdministrator()
    {
        var admin = await app.ClientAsync("admin");
        var security = await app.ClientAsync("security");

        var auditorByAdmin = await admin.PostJsonAsync("/api/v1/admin/users", Account("audit-admin"));
        var cityAdminByAdmin = await admin.PostJsonAsync("/api/v1/admin/users", Account("city-admin"));
        var auditorBySecurity = await security.PostJsonAsync("/api/v1/admin/users", Account("audit-admin"));
        var staffBySecurity = await security.PostJsonAsync("/api/v1/admin/users", Account("county-staff", "330723"));
        var staffByAdmin = await admin.PostJsonAsync("/api/v1/admin/users", Account("county-staff", "330723"));

        Assert.Equal(HttpStatusCode.Forbidden, auditorByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cityAdminByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, auditorBySecurity.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffBySecurity.StatusCode);
        Assert.Equal(HttpStatusCode.Created, staffByAdmin.StatusCode);
    }

    [Fact]
    public async Task CityAdministrator_CannotMakeABusinessAccountAnAdministrator_NorResetAnAdministrator()
    {
        var admin = await app.ClientAsync("admin");
        var body = Account("county-staff", "330723");
        var id = await (await admin.PostJsonAsync("/api/v1/admin/users", body)).CreatedIdAsync();
        var userName = (string)body.GetType().GetProperty("userName")!.GetValue(body)!;
        var auditorId = (await (await (await app.ClientAsync("security")).GetAsync("/api/v1/admin/users?role=audit-admin")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        var promote = await admin.PutAsync($"/api/v1/admin/users/{id}", System.Net.Http.Json.JsonContent.Create(new
        {
            userName,
            displayName = "分权测试",
            role = "audit-admin",
            regionCode = "330700",
        }));
        var resetAuditor = await admin.PostAsync($"/api/v1/admin/users/{auditorId}/reset-password", null);

        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resetAuditor.StatusCode);
    }

    [Fact]
    public async Task SecurityAdministrator_CannotChangeTheirOwnRole()
    {
        var security = await app.ClientAsync("security");
        var self = (await (await security.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("id").GetGuid();

        var response = await security.PutAsync($"/api/v1/admin/users/{self}", System.Net.Http.Json.JsonContent.Create(new
        {
            userName = "security",
            displayName = "安全管理员",
            role = "audit-admin",
            regionCode = "330700",
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("access.cannot-change-own-role", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ThreeAdministrators_HaveChineseRoleNames()
    {
        var security = await app.ClientAsync("security");

        var list = await (await security.GetAsync("/api/v1/admin/users?pageSize=100")).ReadJsonAsync();

        var names = list.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("userName").GetString()!, a => a.GetProperty("roleName").GetString());
        Assert.Equal("市局管理员", names["admin"]);
        Assert.Equal("安全管理员", names["security"]);
        Assert.Equal("审计管理员", names["auditor"]);
    }

    public sealed class OnSqlite(SqliteApp app) : RoleSeparationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RoleSeparationTests(app), IClassFixture<PostgresApp>;
}
