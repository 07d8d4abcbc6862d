using Kechuang.Modules.Carriers;
using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Carriers;

/// <summary>Every field rule of a carrier with its Chinese message, and the facts a valid form gives.</summary>
public class CarrierRulesFieldTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static (CarrierFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Validate(CarrierInput input)
    {
        var errors = new FieldErrors();
        var facts = CarrierRules.Validate(input, code => code == "330723401", Today, errors);
        return (facts, errors.ToDictionary());
    }

    private static CarrierInput Valid(string? name = "武义科技城", string? address = null, decimal? area = 100m, string status = "operating", DateOnly? opened = null) =>
        new(name, "park", "provincial", "330723401", null, null, address, area, opened ?? Today, status);

    [Fact]
    public void Names_OfLevelsAndStatuses()
    {
        Assert.Equal(["县级", "市级", "省级", "国家级"], Enum.GetValues<CarrierLevel>().Select(l => CarrierRules.LevelNames[l]));
        Assert.Equal(["筹建中", "建设/装修中", "运营中", "已停止运营"], Enum.GetValues<CarrierStatus>().Select(s => CarrierRules.StatusNames[s]));
    }

    [Fact]
    public void Validate_CompleteInput_GivesTrimmedFacts()
    {
        var parent = Guid.NewGuid();
        var operatorId = Guid.NewGuid();
        var input = new CarrierInput(" 武义科技城 ", "park", "省级", " 330723401 ", parent, operatorId, " 壶山街道 ", 61_691.24m, new DateOnly(2019, 5, 1), "运营中");

        var (facts, errors) = Validate(input);

        Assert.Empty(errors);
        Assert.Equal(new CarrierFacts("武义科技城", CarrierKind.Park, CarrierLevel.Provincial, "330723401", parent, operatorId, "壶山街道", 61_691.24m,
            new DateOnly(2019, 5, 1), CarrierStatus.Operating), facts);
    }

    [Fact]
    public void Validate_BlankOptionalFields_AreNull()
    {
        var (facts, _) = Validate(new CarrierInput("武义科技城", "park", null, "330723401", null, null, "  ", null, null, "planned"));

        Assert.NotNull(facts);
        Assert.Null(facts.Level);
        Assert.Null(facts.Address);
        Assert.Null(facts.Area);
        Assert.Null(facts.OpenedOn);
    }

    [Fact]
    public void Validate_EmptyInput_NamesEveryRequiredField()
    {
        var (facts, errors) = Validate(new CarrierInput(null, null, null, null, null, null, null, null, null, null));

        Assert.Null(facts);
        Assert.Equal(["请填写载体名称"], errors["name"]);
        Assert.Equal(["请选择载体类型"], errors["kind"]);
        Assert.Equal(["请选择运营状态"], errors["status"]);
        Assert.Equal(["请选择所在行政区划"], errors["regionCode"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validate_UnknownLevelAndStatus_ListTheChoices()
    {
        var (facts, errors) = Validate(new CarrierInput("武义科技城", "park", "区级", "330723401", null, null, null, null, null, "open"));

        Assert.Null(facts);
        Assert.StartsWith("认定级别取值无效，可选：county（县级）", errors["level"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("运营状态取值无效，可选：planned（筹建中）", errors["status"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "面积应大于0平方米")]
    [InlineData("10000000.01", "面积不能超过1000万平方米，请检查单位（平方米）")]
    [InlineData("100.001", "面积最多保留两位小数")]
    public void Validate_Area_NamesItsProblem(string area, string message)
    {
        var (_, errors) = Validate(Valid(area: decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([message], errors["area"]);
    }

    [Theory]
    [InlineData("name", 100, "载体名称不能超过100个字符")]
    [InlineData("address", 200, "地址不能超过200个字符")]
    public void Validate_Texts_HaveLimits(string field, int limit, string message)
    {
        CarrierInput At(int length) => field == "name" ? Valid(name: new string('园', length)) : Valid(address: new string('路', length));

        Assert.NotNull(Validate(At(limit)).Facts);
        var (facts, errors) = Validate(At(limit + 1));
        Assert.Null(facts);
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public void Validate_OpeningDate_OnlyAnOperatingCarrierNeedsOne_AndNotInTheFuture()
    {
        var (planned, plannedErrors) = Validate(Valid(status: "planned", opened: Today.AddDays(30)));
        var (building, _) = Validate(new CarrierInput("武义科技城", "park", null, "330723401", null, null, null, null, null, "under-construction"));
        var (operating, operatingErrors) = Validate(Valid(opened: Today.AddDays(1)));

        Assert.NotNull(planned);
        Assert.Empty(plannedErrors);
        Assert.NotNull(building);
        Assert.Null(operating);
        Assert.Equal(["运营中的载体，开园（启用）日期不能晚于今天"], operatingErrors["openedOn"]);
    }
}
