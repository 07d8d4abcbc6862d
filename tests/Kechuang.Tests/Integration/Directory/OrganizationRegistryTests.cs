using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Directory;

public abstract class OrganizationRegistryTests(KechuangApp app)
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

    public sealed class OnSqlite(SqliteApp app) : OrganizationRegistryTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OrganizationRegistryTests(app), IClassFixture<PostgresApp>;
}
