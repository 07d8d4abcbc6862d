using Kechuang.Platform.Access;
using Kechuang.Platform.Reference;

namespace Kechuang.Tests.Unit.Platform;

public class IndustryCatalogTests
{
    [Fact]
    public void All_HasEveryLevelOfTheStandard()
    {
        var levels = IndustryCatalog.All.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Count());

        // 20 门类, 97 大类 and 473 中类 are the standard's totals; 1381 小类 is what the transcribed table
        // holds (published totals say 1380 to 1382, see docs/reference-data.md).
        Assert.Equal(20, levels[IndustryLevel.Section]);
        Assert.Equal(97, levels[IndustryLevel.Division]);
        Assert.Equal(473, levels[IndustryLevel.Group]);
        Assert.Equal(1381, levels[IndustryLevel.Class]);
        Assert.Equal(IndustryCatalog.All.Count, IndustryCatalog.All.Select(c => c.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("C3381", "金属制厨房用器具制造")]
    [InlineData("C338", "金属制日用品制造")]
    [InlineData("C3465", "风动和电动工具制造")]
    [InlineData("I651", "软件开发")]
    [InlineData("I6513", "应用软件开发")]
    [InlineData("M7320", "工程和技术研究和试验发展")]
    [InlineData("C3741", "飞机制造")]
    [InlineData("A0190", "其他农业")]
    [InlineData("T9700", "国际组织")]
    [InlineData("C", "制造业")]
    [InlineData("3381", "金属制厨房用器具制造")]
    [InlineData("c3973", "集成电路制造")]
    public void Name_KnownCode_IsTheStandardsName(string code, string name) =>
        Assert.Equal(name, IndustryCatalog.Name(code));

    [Theory]
    [InlineData("B3381")]
    [InlineData("C9999")]
    [InlineData("I6510")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownOrMislettered_IsNull(string? code) => Assert.Null(IndustryCatalog.Find(code));

    [Fact]
    public void Path_Class_ReadsFromTheSectionDown() =>
        Assert.Equal("制造业 / 金属制品业 / 金属制日用品制造 / 金属制厨房用器具制造", IndustryCatalog.Path("C3381"));

    [Fact]
    public void Label_ShowsCodeAndName_AndKeepsUnknownCodes()
    {
        Assert.Equal("C3381 金属制厨房用器具制造", IndustryCatalog.Label("3381"));
        Assert.Equal("X1234", IndustryCatalog.Label("X1234"));
        Assert.Equal("—", IndustryCatalog.Label(" "));
    }

    [Fact]
    public void Children_FollowTheHierarchy()
    {
        Assert.Equal(["01", "02", "03", "04", "05"], IndustryCatalog.Children("A").Select(c => c.Code));
        Assert.Equal(["3381", "3382", "3383", "3389"], IndustryCatalog.Children("C338").Select(c => c.Code));
        Assert.Equal(20, IndustryCatalog.Children(null).Count);
    }

    [Fact]
    public void CascaderNodes_SingleClassGroup_StillLeadsToItsClass()
    {
        var agriculture = IndustryCascaderNodes.Build().Single(n => n.Value == "A").Children!.Single(n => n.Value == "A01");

        var other = agriculture.Children!.Single(n => n.Value == "A019");

        Assert.Equal("A0190", Assert.Single(other.Children!).Value);
    }
}
