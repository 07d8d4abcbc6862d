using Kechuang.Platform.Access;
using Kechuang.Platform.Reference;

namespace Kechuang.Tests.Unit.Platform;

public class RegionTableTests
{
    private static readonly RegionTable Table = new(
    [
        new RegionOption("330000", "浙江省", null, 1),
        new RegionOption("330700", "金华市", "330000", 2),
        new RegionOption("330723", "武义县", "330700", 3),
        new RegionOption("330727", "磐安县", "330700", 3),
        new RegionOption("330723101", "桐琴镇", "330723", 4),
        new RegionOption("330727101", "尖山镇", "330727", 4),
    ]);

    [Fact]
    public void Path_Town_ReadsFromTheProvinceDown() =>
        Assert.Equal("浙江省 / 金华市 / 武义县 / 桐琴镇", Table.Path("330723101"));

    [Fact]
    public void Name_UnknownOrEmpty_KeepsTheCodeOrShowsDash()
    {
        Assert.Equal("武义县", Table.Name("330723"));
        Assert.Equal("330799", Table.Name("330799"));
        Assert.Equal("—", Table.Name(null));
    }

    [Fact]
    public void ScopeRoots_CountyAccount_IsItsCounty()
    {
        var roots = Table.ScopeRoots(DataScope.ForAccount(Role.CountyStaff, "330723", null));

        Assert.Equal(["330723"], roots.Select(r => r.Code));
    }

    [Fact]
    public void CascaderNodes_CountyAccount_OffersOnlyItsCountyLabelledWithItsPath()
    {
        var nodes = RegionCascaderNodes.Build(Table, DataScope.ForAccount(Role.CountyStaff, "330723", null), null);

        var county = Assert.Single(nodes);
        Assert.Equal("浙江省 / 金华市 / 武义县", county.Label);
        Assert.Equal(["330723101"], county.Children!.Select(c => c.Value));
    }

    [Fact]
    public void CascaderNodes_CityAccount_StartsAtTheCity()
    {
        var nodes = RegionCascaderNodes.Build(Table, DataScope.ForAccount(Role.CityStaff, "330700", null), null);

        var city = Assert.Single(nodes);
        Assert.Equal("浙江省 / 金华市", city.Label);
        Assert.Equal(["330723", "330727"], city.Children!.Select(c => c.Value));
    }

    [Fact]
    public void CascaderNodes_CurrentValueOutsideScope_IsKeptAsItsOwnRoot()
    {
        var nodes = RegionCascaderNodes.Build(Table, DataScope.ForAccount(Role.CountyStaff, "330723", null), "330727101");

        Assert.Contains(nodes, n => n.Value == "330727101" && n.Label == "浙江省 / 金华市 / 磐安县 / 尖山镇");
    }
}
