using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A unit as the form and the API send it: the use in kebab-case or Chinese, the area in ㎡.</summary>
public sealed record UnitInput(int? Floor, string? Number, decimal? Area, string? Use, DateOnly? AvailableFrom);

/// <summary>A unit's field rules and the Chinese names of its uses; pure functions.</summary>
public static class UnitRules
{
    public const int NumberMax = 20;
    public const int LowestFloor = -5;
    public const int HighestFloor = 200;

    /// <summary>One unit above 100 000 ㎡ is a typing error.</summary>
    public const decimal MaxArea = 100_000m;

    public static readonly IReadOnlyDictionary<UnitUse, string> UseNames = new Dictionary<UnitUse, string>
    {
        [UnitUse.Office] = "办公",
        [UnitUse.Research] = "研发",
        [UnitUse.Production] = "生产",
        [UnitUse.Support] = "配套",
        [UnitUse.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<OccupancyBasis, string> BasisNames = new Dictionary<OccupancyBasis, string>
    {
        [OccupancyBasis.Units] = "按单元数",
        [OccupancyBasis.Area] = "按面积",
    };

    /// <summary>Parks are counted through their buildings and spaces; only those hold units.</summary>
    public static bool HoldsUnits(CarrierKind kind) => !CarrierKinds.IsPark(kind);

    public static UnitFacts? Validate(UnitInput input, FieldErrors errors)
    {
        if (input.Floor is null)
        {
            errors.Add("floor", "请填写楼层");
        }
        else if (input.Floor is < LowestFloor or > HighestFloor || input.Floor == 0)
        {
            errors.Add("floor", $"楼层应在{LowestFloor}至{HighestFloor}之间且不为0（地下一层填-1）");
        }
        var number = errors.Text("number", "单元号", input.Number, NumberMax);
        if (input.Area is null)
        {
            errors.Add("area", "请填写单元面积");
        }
        else if (input.Area <= 0)
        {
            errors.Add("area", "单元面积应大于0平方米");
        }
        else if (input.Area > MaxArea)
        {
            errors.Add("area", "单元面积不能超过10万平方米，请检查单位（平方米）");
        }
        else if (decimal.Round(input.Area.Value, 2) != input.Area)
        {
            errors.Add("area", "单元面积最多保留两位小数");
        }
        var use = errors.Enum("use", "单元用途", input.Use, UseNames);
        return errors.Any ? null : new UnitFacts(input.Floor!.Value, number, input.Area!.Value, use!.Value, input.AvailableFrom);
    }

    public static RuleException Duplicate(string number) =>
        new("carriers.duplicate-unit", $"该载体已有单元号为“{number}”的单元");

    public static RuleException Occupied(string number, string occupant, DateOnly entered, DateOnly? left) =>
        new("carriers.unit-occupied",
            $"单元 {number} 已由 {occupant} 入驻（{entered:yyyy-MM-dd} 至 {(left is { } l ? l.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "今")}），同一单元同一时间只能有一家入驻企业");
}
