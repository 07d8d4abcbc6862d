using Kechuang.Modules.Carriers;
using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Carriers;

public class CarrierRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static CarrierInput Input(decimal? area = 100m, DateOnly? opened = null, string status = "operating", string kind = "park") =>
        new("武义科技城", kind, null, "330723401", null, null, null, area, opened ?? Today, status);

    private static (CarrierFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Validate(CarrierInput input)
    {
        var errors = new FieldErrors();
        var facts = CarrierRules.Validate(input, code => code == "330723401", Today, errors);
        return (facts, errors.ToDictionary());
    }

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("0", false)]
    [InlineData("-0.01", false)]
    [InlineData("10000000", true)]
    [InlineData("10000000.01", false)]
    [InlineData("61691.24", true)]
    [InlineData("61691.245", false)]
    public void Validate_Area_AtItsBoundaries(string area, bool valid)
    {
        var (facts, errors) = Validate(Input(decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(valid, facts is not null);
        Assert.Equal(!valid, errors.ContainsKey("area"));
    }

    [Fact]
    public void Validate_OperatingOpenedToday_IsValid_Tomorrow_IsNot()
    {
        Assert.NotNull(Validate(Input(opened: Today)).Facts);
        Assert.Contains("不能晚于今天", Validate(Input(opened: Today.AddDays(1))).Errors["openedOn"][0]);
    }

    [Fact]
    public void Validate_PlannedWithoutOpeningDate_IsValid()
    {
        var (facts, _) = Validate(new CarrierInput("科技城企业加速器", "加速器", null, "330723401", null, null, null, null, null, "筹建中"));

        Assert.NotNull(facts);
        Assert.Equal(CarrierKind.Accelerator, facts.Kind);
        Assert.Equal(CarrierStatus.Planned, facts.Status);
    }

    [Fact]
    public void Validate_UnknownRegionAndKind_AreNamed()
    {
        var (facts, errors) = Validate(new CarrierInput("某载体", "factory", "省级", "330799", null, null, null, null, null, "operating"));

        Assert.Null(facts);
        Assert.Contains("载体类型取值无效", errors["kind"][0]);
        Assert.Equal("行政区划代码 330799 不存在", errors["regionCode"][0]);
        Assert.Equal("运营中的载体请填写开园（启用）日期", errors["openedOn"][0]);
        Assert.False(errors.ContainsKey("level"));
    }

    [Theory]
    [InlineData("2023-05-14", null, "2023-05-14", null, true)]
    [InlineData("2023-01-01", "2023-05-14", "2023-05-14", null, true)] // the last day is a day in the carrier
    [InlineData("2023-01-01", "2023-05-13", "2023-05-14", null, false)]
    [InlineData("2023-06-01", null, "2023-01-01", "2023-05-31", false)]
    [InlineData("2023-06-01", "2023-06-30", "2023-06-15", "2023-06-16", true)]
    public void Overlap_SharesADay(string entered1, string? left1, string entered2, string? left2, bool overlap)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(overlap, TenancyRules.Overlap(D(entered1)!.Value, D(left1), D(entered2)!.Value, D(left2)));
        Assert.Equal(overlap, TenancyRules.Overlap(D(entered2)!.Value, D(left2), D(entered1)!.Value, D(left1)));
    }

    [Fact]
    public void Tenancy_IsCurrentFromItsFirstToItsLastDay()
    {
        var tenancy = new Tenancy(Guid.NewGuid(), "330723401", Guid.NewGuid(), TenancyKind.Resident, new DateOnly(2023, 5, 14), null, DateTime.UtcNow);
        tenancy.End(new DateOnly(2023, 12, 31), DateTime.UtcNow);

        Assert.False(tenancy.IsCurrentOn(new DateOnly(2023, 5, 13)));
        Assert.True(tenancy.IsCurrentOn(new DateOnly(2023, 5, 14)));
        Assert.True(tenancy.IsCurrentOn(new DateOnly(2023, 12, 31)));
        Assert.False(tenancy.IsCurrentOn(new DateOnly(2024, 1, 1)));
        Assert.Equal("carriers.tenancy-ended", Assert.Throws<RuleException>(() => tenancy.End(new DateOnly(2024, 1, 1), DateTime.UtcNow)).Code);
    }

    [Fact]
    public void Tenancy_EndBeforeEntry_IsRefused_OnItsFirstDay_IsAllowed()
    {
        var early = new Tenancy(Guid.NewGuid(), "330723401", Guid.NewGuid(), TenancyKind.Registered, new DateOnly(2023, 5, 14), null, DateTime.UtcNow);
        var sameDay = new Tenancy(Guid.NewGuid(), "330723401", Guid.NewGuid(), TenancyKind.Registered, new DateOnly(2023, 5, 14), null, DateTime.UtcNow);

        var problem = Assert.Throws<InputException>(() => early.End(new DateOnly(2023, 5, 13), DateTime.UtcNow));
        sameDay.End(new DateOnly(2023, 5, 14), DateTime.UtcNow);

        Assert.Contains("leftOn", problem.Errors.Keys);
        Assert.Equal(new DateOnly(2023, 5, 14), sameDay.LeftOn);
    }

    [Fact]
    public void InParks_FollowsParentsToAPark_AndStopsAtCycles()
    {
        var park = Guid.NewGuid();
        var building = Guid.NewGuid();
        var space = Guid.NewGuid();
        var standalone = Guid.NewGuid();
        var loopA = Guid.NewGuid();
        var loopB = Guid.NewGuid();

        var inParks = CarrierQueries.InParks(
        [
            (park, CarrierKind.Park, null), (building, CarrierKind.Building, park), (space, CarrierKind.JointInnovationCenter, building),
            (standalone, CarrierKind.PublicServiceCenter, null), (loopA, CarrierKind.Building, loopB), (loopB, CarrierKind.Building, loopA),
        ]);

        Assert.Equal(new[] { park, building, space }.Order(), inParks.Order());
    }
}
