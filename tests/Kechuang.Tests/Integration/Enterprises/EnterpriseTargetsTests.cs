using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>The letter's 2023 targets of 武义县 for enterprise cultivation and IP, each beside its actual computed from records.</summary>
public abstract class EnterpriseTargetsTests(KechuangApp app)
{
    private static readonly (string Code, decimal Target)[] Expected =
    [
        ("ip.patent-applications", 10m),
        ("ip.invention-applications", 2m),
        ("ip.industrialization-projects", 25m),
        ("enterprises.innovation-entities", 80m),
        ("enterprises.rd-institution-count", 30m),
        ("enterprises.key-institute-count", 1m),
        ("enterprises.rd-coverage-100m", 100m),
    ];

    [Fact]
    public async Task Targets_Wuyi2023_ListTheLettersTargetsWithActualsFromRecords()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync("/api/v1/targets?regionCode=330723&year=2023")).ReadJsonAsync();

        var items = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("indicatorCode").GetString()!);
        foreach (var (code, target) in Expected)
        {
            Assert.True(items.TryGetValue(code, out var item), code);
            Assert.Equal(target, item.GetProperty("target").GetDecimal());
            Assert.Equal(">=", item.GetProperty("comparator").GetString());
            Assert.Equal("330723", item.GetProperty("regionCode").GetString());
            var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year=2023")).ReadJsonAsync();
            var actual = item.GetProperty("actual").GetDecimal();
            Assert.Equal(value.GetProperty("value").GetDecimal(), actual);
            Assert.Equal(actual >= target, item.GetProperty("met").GetBoolean());
        }
        // T17 asks for the county's first 重点企业研究院; 寿仙谷's 重点农业企业研究院 is another programme and does not count.
        Assert.Equal(0m, items["enterprises.key-institute-count"].GetProperty("actual").GetDecimal());
        Assert.False(items["enterprises.key-institute-count"].GetProperty("met").GetBoolean());
    }

    public sealed class OnSqlite(SqliteApp app) : EnterpriseTargetsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EnterpriseTargetsTests(app), IClassFixture<PostgresApp>;
}
