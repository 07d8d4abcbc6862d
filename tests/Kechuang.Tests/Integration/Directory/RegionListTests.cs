using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>The region table a first start loads: the whole national list, with the county's towns under it.</summary>
public abstract class RegionListTests(KechuangApp app)
{
    [Fact]
    public async Task Regions_ReachEveryProvinceAndTheCountysTowns()
    {
        var staff = await app.ClientAsync("city.staff");

        var list = await (await staff.GetAsync("/api/v1/regions")).ReadJsonAsync();

        var regions = list.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, Region);
        Assert.Equal(list.GetProperty("total").GetInt32(), regions.Count);
        Assert.Equal(34, regions.Values.Count(r => r.Level == "Province"));
        Assert.Equal(("西湖区", "330100"), (regions["330106"].Name, regions["330106"].Parent));
        Assert.Equal(("东城区", "110100"), (regions["110101"].Name, regions["110101"].Parent));
        Assert.Equal(("桐琴镇", "330723"), (regions["330723101"].Name, regions["330723101"].Parent));
        Assert.All(regions.Values.Where(r => r.Parent is not null), r => Assert.True(regions.ContainsKey(r.Parent!), $"{r.Name} 的上级 {r.Parent} 不在表中"));
    }

    private static (string Name, string? Parent, string Level) Region(JsonElement r) =>
        (r.GetProperty("name").GetString()!, r.GetProperty("parentCode").GetString(), r.GetProperty("level").GetString()!);

    public sealed class OnSqlite(SqliteApp app) : RegionListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RegionListTests(app), IClassFixture<PostgresApp>;
}
