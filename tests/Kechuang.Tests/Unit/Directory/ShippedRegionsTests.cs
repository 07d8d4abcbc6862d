using Kechuang.Modules.Directory;

namespace Kechuang.Tests.Unit.Directory;

/// <summary>The GB/T 2260 list the application ships: every province, prefecture and county, and the county's towns.</summary>
public class ShippedRegionsTests
{
    private static readonly List<(string Code, string Name, string? Parent, RegionLevel Level)> All = [.. RegionReferenceData.All];

    [Fact]
    public void Levels_CountTheNationalListAndTheTowns()
    {
        // 31 provinces, autonomous regions and municipalities of the mainland, and 台湾省, 香港, 澳门.
        Assert.Equal(34, All.Count(r => r.Level == RegionLevel.Province));
        Assert.InRange(All.Count(r => r.Level == RegionLevel.City), 330, 350);
        Assert.InRange(All.Count(r => r.Level == RegionLevel.County), 2800, 3000);
        Assert.Equal(23, All.Count(r => r.Level == RegionLevel.Town));
    }

    [Fact]
    public void Codes_AreUniqueAndEveryParentIsOneLevelUp()
    {
        var byCode = All.ToDictionary(r => r.Code);

        Assert.Equal(All.Count, byCode.Count);
        foreach (var region in All.Where(r => r.Parent is not null))
        {
            var parent = byCode[region.Parent!];
            Assert.Equal(region.Level - 1, parent.Level);
            // Two digits per level: 33 浙江省, 3307 金华市, 330723 武义县, 330723101 桐琴镇.
            var prefix = parent.Level == RegionLevel.County ? parent.Code : parent.Code[..((int)parent.Level * 2)];
            Assert.StartsWith(prefix, region.Code, StringComparison.Ordinal);
        }
        Assert.All(All.Where(r => r.Parent is null), r => Assert.Equal(RegionLevel.Province, r.Level));
    }

    [Theory]
    [InlineData("330106", "西湖区", "330100")]
    [InlineData("330723", "武义县", "330700")]
    [InlineData("110101", "东城区", "110100")]
    [InlineData("310104", "徐汇区", "310100")]
    [InlineData("441900", "东莞市", "440000")]
    [InlineData("330723101", "桐琴镇", "330723")]
    public void Known_Regions_HaveTheirNameAndParent(string code, string name, string parent)
    {
        var region = All.Single(r => r.Code == code);

        Assert.Equal(name, region.Name);
        Assert.Equal(parent, region.Parent);
    }

    [Fact]
    public void Zhejiang_HasItsElevenPrefectures()
    {
        var prefectures = All.Where(r => r.Parent == "330000").Select(r => r.Name).ToList();

        Assert.Equal(11, prefectures.Count);
        Assert.Contains("金华市", prefectures);
        Assert.Contains("杭州市", prefectures);
    }
}
