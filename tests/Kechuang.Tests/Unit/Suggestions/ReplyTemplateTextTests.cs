using Kechuang.Modules.Suggestions;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;

namespace Kechuang.Tests.Unit.Suggestions;

/// <summary>The reply template's tokens (docs/rules/reply-letter.md §2): parts, periods and the Chinese message of each mistake.</summary>
public sealed class ReplyTemplateTextTests
{
    private sealed class Fake(string code, string unit) : IIndicator
    {
        public string Code => code;
        public string Name => "测试指标";
        public string Unit => unit;
        public string Module => code.Split('.')[0];

        public Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) => Task.FromResult(0m);

        public string RecordsUrl(string regionCode, Period period) => "/x";
    }

    private static readonly IndicatorCatalogue Catalogue = new([new Fake("contracts.transaction-amount", "元"), new Fake("transfer.cooperations", "项")]);

    private static (IReadOnlyList<TemplatePart> Parts, List<string> Problems) Parse(string text)
    {
        var problems = new List<string>();
        return (ReplyTemplateText.Parse(text, Catalogue, problems), problems);
    }

    [Fact]
    public void Parse_SplitsTextAndTokens_WithTheirKindRegionPeriodAndStyle()
    {
        var (parts, problems) = Parse("交易额{{contracts.transaction-amount|330723|2022|亿元}}，完成{{completion:contracts.transaction-amount||2022|0.0%}}，"
            + "合作{{transfer.cooperations|330723|2022-01-01..2023-07-06|余项}}，目标{{target:contracts.transaction-amount|330723|2023|亿元以上}}。{{suggestion:deputies}}");

        Assert.Empty(problems);
        var tokens = parts.Where(p => p.Token is not null).Select(p => p.Token!).ToList();
        Assert.Equal([FigureKind.Value, FigureKind.Completion, FigureKind.Value, FigureKind.Target, FigureKind.Suggestion], tokens.Select(t => t.Kind));
        Assert.Equal("330723", tokens[0].RegionCode);
        Assert.Null(tokens[1].RegionCode);
        Assert.Equal(new Period(new DateOnly(2022, 1, 1), new DateOnly(2023, 7, 7)), tokens[2].Period);
        Assert.Equal("2022-01-01..2023-07-06", ReplyTemplateText.PeriodText(tokens[2].Period!.Value));
        Assert.Equal("2022年1月1日至2023年7月6日", ReplyTemplateText.PeriodName(tokens[2].Period!.Value));
        Assert.True(tokens[3].Style!.AtLeast);
        Assert.Equal("交易额", parts[0].Text);
        Assert.Equal("{{contracts.transaction-amount|330723|2022|亿元}}", tokens[0].Source);
    }

    [Theory]
    [InlineData("2022", "2022-01-01", "2023-01-01", "2022")]
    [InlineData("2022..2023", "2022-01-01", "2024-01-01", "2022..2023")]
    [InlineData("2022..2023-07-06", "2022-01-01", "2023-07-07", "2022-01-01..2023-07-06")]
    public void Periods_AreYearsOrDaysWithBothEndsIncluded(string text, string from, string to, string written)
    {
        Assert.True(ReplyTemplateText.TryParsePeriod(text, out var period, out _));
        Assert.Equal(new Period(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), period);
        Assert.Equal(written, ReplyTemplateText.PeriodText(period));
    }

    [Theory]
    [InlineData("{{contracts.no-such|330723|2022|亿元}}", "指标“contracts.no-such”不存在，该模块的指标有：contracts.transaction-amount")]
    [InlineData("{{contracts.transaction-amount|330723|2022|亿斤}}", "不是可用的单位")]
    [InlineData("{{contracts.transaction-amount|330723|2022|家}}", "的单位是“元”，写法“家”的单位“家”与之不符")]
    [InlineData("{{completion:contracts.transaction-amount|330723|2022|亿元}}", "完成率以百分数书写")]
    [InlineData("{{target:contracts.transaction-amount|330723|2022..2023|亿元}}", "目标按年度设定")]
    [InlineData("{{contracts.transaction-amount|3307|2022|亿元}}", "地区“3307”应为6–12位行政区划代码")]
    [InlineData("{{contracts.transaction-amount|330723|去年|亿元}}", "期间“去年”应写作年度")]
    [InlineData("{{contracts.transaction-amount|330723|2023..2022|亿元}}", "结束早于开始")]
    [InlineData("{{contracts.transaction-amount|330723|2022}}", "应有4段")]
    [InlineData("{{suggestion:phone}}", "建议没有“phone”这一项")]
    [InlineData("交易额{{contracts.transaction-amount|330723|2022|亿元", "没有以“}}”结束")]
    [InlineData("交易额}}", "多余的“}}”")]
    public void Mistakes_AreNamedInChinese(string text, string message)
    {
        var (_, problems) = Parse(text);

        Assert.Contains(message, Assert.Single(problems), StringComparison.Ordinal);
    }
}
