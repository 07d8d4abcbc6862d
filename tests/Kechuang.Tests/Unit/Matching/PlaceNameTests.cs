using Kechuang.Modules.Matching.Engine;
using Kechuang.Platform.Access;

namespace Kechuang.Tests.Unit.Matching;

public sealed class PlaceNameTests
{
    private static readonly RegionOption[] Regions =
    [
        new("330000", "浙江省", null, 1),
        new("330700", "金华市", "330000", 2),
        new("330723", "武义县", "330700", 3),
        new("330784", "永康市", "330700", 3),
        new("330723100", "桐琴镇", "330723", 4),
        new("310000", "上海市", null, 1),
        new("450000", "广西壮族自治区", null, 1),
        new("440000", "广东省", null, 1),
        new("445300", "云浮市", "440000", 2),
        new("445321", "新兴县", "445300", 3),
    ];

    [Fact]
    public void ProvincesAndCities_ByFullAndShortName_CountiesShortOnlyInTheHomeProvince()
    {
        var names = PlaceNames.Of(Regions);

        Assert.Superset(new HashSet<string> { "浙江省", "浙江", "金华市", "金华", "武义县", "武义", "永康", "上海", "广西", "新兴县", "云浮" }, names.ToHashSet());
        // 新兴 (as in 新兴产业) is a word of demands; Guangdong holds no towns in this table, so only 新兴县 is a place name.
        Assert.DoesNotContain("新兴", names);
        Assert.DoesNotContain("桐琴镇", names);
    }

    [Fact]
    public void Query_IsNotMatchedOnPlaceNames_ButOnWhatItAsks()
    {
        using var folder = new Lucene.Net.Store.RAMDirectory();
        using var engine = new MatchEngine(folder, ChineseSegmenter.Shared) { Thesaurus = new Thesaurus([], ["无刷电机"], PlaceNames.Of(Regions)) };

        var terms = engine.Concepts("浙江武义某公司需要无刷电机控制").Select(c => c.Term).ToList();

        Assert.Contains("无刷电机", terms);
        Assert.DoesNotContain("浙江", terms);
        Assert.DoesNotContain("武义", terms);
    }
}
