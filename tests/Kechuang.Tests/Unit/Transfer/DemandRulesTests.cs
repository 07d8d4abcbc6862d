using Kechuang.Modules.Transfer;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Transfer;

public class DemandRulesTests
{
    [Theory]
    [InlineData(DemandStatus.Open, DemandStatus.Matched, true)]
    [InlineData(DemandStatus.Open, DemandStatus.Cooperating, true)]
    [InlineData(DemandStatus.Open, DemandStatus.Closed, true)]
    [InlineData(DemandStatus.Matched, DemandStatus.Open, true)]
    [InlineData(DemandStatus.Matched, DemandStatus.Cooperating, true)]
    [InlineData(DemandStatus.Matched, DemandStatus.Closed, true)]
    [InlineData(DemandStatus.Cooperating, DemandStatus.Closed, true)]
    [InlineData(DemandStatus.Cooperating, DemandStatus.Open, false)]
    [InlineData(DemandStatus.Cooperating, DemandStatus.Matched, false)]
    [InlineData(DemandStatus.Closed, DemandStatus.Open, false)]
    [InlineData(DemandStatus.Closed, DemandStatus.Cooperating, false)]
    [InlineData(DemandStatus.Open, DemandStatus.Open, false)]
    public void CanMove_FollowsTheDemandsLife(DemandStatus from, DemandStatus to, bool allowed)
    {
        Assert.Equal(allowed, DemandRules.CanMove(from, to));
        Assert.Equal(allowed, DemandRules.CheckMove(from, to) is null);
    }

    [Fact]
    public void CheckMove_NamesBothStatesInChinese_WithAStableCode()
    {
        var refused = DemandRules.CheckMove(DemandStatus.Closed, DemandStatus.Open)!;

        Assert.Equal("transfer.demand-transition", refused.Code);
        Assert.Equal("需求当前为“已关闭”，不能改为“征集中”", refused.Message);
    }

    [Fact]
    public void Validate_FieldMessagesInChinese()
    {
        var errors = new FieldErrors();
        var today = new DateOnly(2026, 3, 2);

        Assert.Null(DemandRules.Validate(new DemandInput(null, "patent", "", null, null, -1m, new DateOnly(2026, 1, 1), today, null), today, errors));

        var found = errors.ToDictionary();
        Assert.Contains("需求类型取值无效", found["kind"][0]);
        Assert.Equal("请填写需求名称", found["title"][0]);
        Assert.Equal("预算金额应大于0元", found["budget"][0]);
        Assert.Equal("需求截止日期不能早于征集（登记）日期", found["deadline"][0]);
    }

    [Fact]
    public void Validate_CollectedTodayWhenNotGiven()
    {
        var errors = new FieldErrors();
        var today = new DateOnly(2026, 3, 2);

        var facts = DemandRules.Validate(new DemandInput(null, "人才需求", "引进博士", null, null, null, null, null, null), today, errors);

        Assert.Equal(today, facts!.CollectedOn);
        Assert.Equal(DemandKind.Talent, facts.Kind);
    }
}
