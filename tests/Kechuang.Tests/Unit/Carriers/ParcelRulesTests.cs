using System.Globalization;
using Kechuang.Modules.Carriers;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Carriers;

public class ParcelRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("666.67", "1.000005")]
    [InlineData("61691.24", "92.53686")]
    [InlineData("88000", "132")]
    [InlineData("0.01", "0.000015")]
    public void ToMu_IsSquareMetresTimes0_0015(string squareMetres, string mu)
    {
        Assert.Equal(D(mu), LandArea.ToMu(D(squareMetres)));
    }

    [Theory]
    [InlineData("107", "71333.333333")]
    [InlineData("1", "666.666667")]
    [InlineData("15", "10000")]
    [InlineData("0.0001", "0.066667")]
    public void FromMu_KeepsSixDecimalsOfSquareMetres(string mu, string squareMetres)
    {
        Assert.Equal(D(squareMetres), LandArea.FromMu(D(mu)));
    }

    [Fact]
    public void SquareMetresOfTwoDecimals_GoToMuAndBack_Unchanged_EvenTenTimes()
    {
        var random = new Random(20230706);
        for (var i = 0; i < 20_000; i++)
        {
            var squareMetres = random.NextInt64(1, 1_000_000_000) / 100m; // 0.01 … 10,000,000.00 ㎡
            var value = squareMetres;
            for (var round = 0; round < 10; round++)
            {
                value = LandArea.FromMu(LandArea.ToMu(value));
            }
            Assert.Equal(squareMetres, value);
        }
    }

    [Fact]
    public void MuOfFourDecimals_GoToSquareMetresAndBack_Unchanged_EvenTenTimes()
    {
        var random = new Random(107);
        for (var i = 0; i < 20_000; i++)
        {
            var mu = random.NextInt64(1, 150_000_000) / 10_000m; // 0.0001 … 15,000 亩
            var value = mu;
            for (var round = 0; round < 10; round++)
            {
                value = LandArea.ToMu(LandArea.FromMu(value));
            }
            Assert.Equal(mu, value);
        }
    }

    [Fact]
    public void Show_RoundsSquareMetresToTwoAndMuToFourDecimals()
    {
        Assert.Equal("71,333.33", LandArea.ShowSquareMetres(LandArea.FromMu(107m)));
        Assert.Equal("107", LandArea.ShowMu(LandArea.ToMu(LandArea.FromMu(107m))));
        Assert.Equal("61,691.24", LandArea.ShowSquareMetres(61_691.24m));
        Assert.Equal("92.5369", LandArea.ShowMu(LandArea.ToMu(61_691.24m)));
    }

    private static (ParcelFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Validate(decimal? area, string? unit = null, string? use = "industrial")
    {
        var errors = new FieldErrors();
        var facts = ParcelRules.Validate(new ParcelInput("科技城B地块", "330723401", null, null, area, unit, use, null), code => code == "330723401", errors);
        return (facts, errors.ToDictionary());
    }

    [Fact]
    public void Validate_AreaInMu_IsKeptInSquareMetres()
    {
        Assert.Equal(LandArea.FromMu(107m), Validate(107m, "mu").Facts!.AreaSquareMetres);
        Assert.Equal(LandArea.FromMu(107m), Validate(107m, "亩").Facts!.AreaSquareMetres);
        Assert.Equal(61_691.24m, Validate(61_691.24m, "sqm").Facts!.AreaSquareMetres);
        Assert.Equal(61_691.24m, Validate(61_691.24m).Facts!.AreaSquareMetres);
    }

    [Theory]
    [InlineData("0.01", "sqm", true)]
    [InlineData("0.001", "sqm", false)]
    [InlineData("0.0001", "mu", true)]
    [InlineData("0.00001", "mu", false)]
    [InlineData("0", "sqm", false)]
    [InlineData("-1", "mu", false)]
    [InlineData("10000000", "sqm", true)]
    [InlineData("10000000.01", "sqm", false)]
    [InlineData("15000", "mu", true)]
    [InlineData("15000.0001", "mu", false)]
    public void Validate_Area_AtItsBoundaries(string area, string unit, bool valid)
    {
        var (facts, errors) = Validate(D(area), unit);

        Assert.Equal(valid, facts is not null);
        Assert.Equal(!valid, errors.ContainsKey("area"));
    }

    [Fact]
    public void Validate_MissingFieldsAndAnUnknownUnit_NameEachFieldInChinese()
    {
        var (_, missing) = Validate(null, use: null);
        var (_, unit) = Validate(10m, "hectare");

        Assert.Equal("请填写地块面积", missing["area"][0]);
        Assert.Equal("请选择用地性质", missing["use"][0]);
        Assert.Equal("面积单位取值无效，可选：sqm（平方米）、mu（亩）", unit["areaUnit"][0]);
    }

    private static (ParcelStepKind? Kind, ParcelStepFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Step(string? kind, DateOnly? submitted, DateOnly? completed)
    {
        var errors = new FieldErrors();
        var (k, facts) = ParcelRules.ValidateStep(new ParcelStepInput(kind, submitted, completed, null), Today, errors);
        return (k, facts, errors.ToDictionary());
    }

    [Fact]
    public void ValidateStep_NeedsADate_NoneAfterToday_CompletionNotBeforeSubmission()
    {
        Assert.Equal("请填写报批日期或完成日期", Step("land-supply", null, null).Errors["submittedOn"][0]);
        Assert.Equal("报批日期不能晚于今天", Step("农转用", Today.AddDays(1), null).Errors["submittedOn"][0]);
        Assert.Equal("完成日期不能晚于今天", Step("subdivision", null, Today.AddDays(1)).Errors["completedOn"][0]);
        Assert.Equal("完成日期不能早于报批日期", Step("zoning-adjustment", Today, Today.AddDays(-1)).Errors["completedOn"][0]);
        Assert.Contains("审批环节取值无效", Step("auction", Today, null).Errors["kind"][0]);
        var (kind, facts, errors) = Step("供地", Today, Today);
        Assert.Empty(errors);
        Assert.Equal(ParcelStepKind.LandSupply, kind);
        Assert.Equal(Today, facts!.CompletedOn);
    }

    [Fact]
    public void CheckOrder_LandSupplyNeedsTheConversionCompletedFirst_WhenTheParcelRecordsOne()
    {
        var day = new DateOnly(2023, 12, 20);
        var supplied = new ParcelStepFacts(null, day, null);

        Assert.Null(ParcelRules.CheckOrder(new Dictionary<ParcelStepKind, ParcelStepFacts> { [ParcelStepKind.LandSupply] = supplied }));
        Assert.Null(ParcelRules.CheckOrder(new Dictionary<ParcelStepKind, ParcelStepFacts>
        {
            [ParcelStepKind.LandSupply] = supplied,
            [ParcelStepKind.FarmlandConversion] = new(null, day, null),
        }));
        Assert.Null(ParcelRules.CheckOrder(new Dictionary<ParcelStepKind, ParcelStepFacts>
        {
            [ParcelStepKind.LandSupply] = new(day, null, null),
            [ParcelStepKind.FarmlandConversion] = new(day, null, null),
        }));
        var pending = ParcelRules.CheckOrder(new Dictionary<ParcelStepKind, ParcelStepFacts>
        {
            [ParcelStepKind.LandSupply] = supplied,
            [ParcelStepKind.FarmlandConversion] = new(day, null, null),
        });
        var later = ParcelRules.CheckOrder(new Dictionary<ParcelStepKind, ParcelStepFacts>
        {
            [ParcelStepKind.LandSupply] = supplied,
            [ParcelStepKind.FarmlandConversion] = new(null, day.AddDays(1), null),
        });
        Assert.Equal("carriers.land-supply-before-conversion", pending!.Code);
        Assert.Equal("carriers.land-supply-before-conversion", later!.Code);
        Assert.Contains("2023-12-21", later.Message, StringComparison.Ordinal);
    }
}
