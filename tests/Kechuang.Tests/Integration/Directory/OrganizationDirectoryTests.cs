using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Directory;

public abstract class OrganizationDirectoryTests(KechuangApp app)
{
    [Fact]
    public async Task Added_organisations_are_saved_with_the_callers_unit_of_work()
    {
        var first = KechuangApp.NewCreditCode();
        var second = KechuangApp.NewCreditCode();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        var id = await directory.AddAsync(new NewOrganization("武义县登记测试企业一", OrganizationKind.Enterprise, first, "330723101"));
        await directory.AddAsync(new NewOrganization("武义县登记测试企业二", OrganizationKind.Enterprise, second, "330723101"));

        Assert.Null(await directory.FindAsync(id));
        await scope.ServiceProvider.GetRequiredService<KechuangDb>().SaveChangesAsync();

        var found = await directory.FindAsync(id);
        Assert.Equal("武义县登记测试企业一", found?.Name);
        Assert.Equal(OrganizationKind.Enterprise, found?.Kind);
    }

    [Fact]
    public async Task Invalid_or_repeated_credit_codes_are_refused_before_anything_is_added()
    {
        var code = KechuangApp.NewCreditCode();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        await directory.AddAsync(new NewOrganization("武义县登记测试企业三", OrganizationKind.Enterprise, code, "330723101"));

        var repeated = await Assert.ThrowsAsync<RuleException>(() =>
            directory.AddAsync(new NewOrganization("武义县登记测试企业四", OrganizationKind.Enterprise, code, "330723101")));
        Assert.Equal("directory.duplicate-credit-code", repeated.Code);
        var invalid = await Assert.ThrowsAsync<InputException>(() =>
            directory.AddAsync(new NewOrganization("武义县登记测试企业五", OrganizationKind.Enterprise, "91330723MA0000000X", "330723101")));
        Assert.Contains("creditCode", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Lookups_WithoutAnywhere_StayInTheCallersRegion()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(SignInHandler.Principal(
            new Account("panan.directory.test", "磐安县测试", Role.CountyStaff, "330727", null, "", false, DateTime.UtcNow), "test"));
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        var wuyi = (await directory.ListAnywhereAsync()).Single(o => o.Name == "武义县恒达电动工具有限公司");
        var panan = (await directory.ListAnywhereAsync()).Single(o => o.Name == "磐安县本草中药饮片有限公司");

        Assert.Null(await directory.FindAsync(wuyi.Id));
        Assert.Null(await directory.FindByCreditCodeAsync(wuyi.CreditCode));
        Assert.Null(await directory.FindByNameAsync(wuyi.Name));
        Assert.DoesNotContain(wuyi.Id, await directory.SearchAsync("恒达"));
        Assert.DoesNotContain(wuyi, await directory.ListAsync(OrganizationKind.Enterprise));
        Assert.Contains(panan, await directory.ListAsync(OrganizationKind.Enterprise));
        Assert.Equal(panan, await directory.FindAsync(panan.Id));
        Assert.Equal(wuyi, await directory.FindAnywhereAsync(wuyi.Id));
        Assert.Equal(wuyi, await directory.FindByCreditCodeAnywhereAsync(wuyi.CreditCode.ToLowerInvariant()));
        Assert.Equal(wuyi.Name, (await directory.NamesAnywhereAsync([wuyi.Id, panan.Id]))[wuyi.Id]);
        Assert.Contains(wuyi, await directory.SearchAnywhereAsync("恒达", 10));
    }

    public sealed class OnSqlite(SqliteApp app) : OrganizationDirectoryTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OrganizationDirectoryTests(app), IClassFixture<PostgresApp>;
}
