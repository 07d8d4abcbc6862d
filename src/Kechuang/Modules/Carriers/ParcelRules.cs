using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// A parcel as the form and the API send it. The area is given in <paramref name="AreaUnit"/>: <c>sqm</c> (平方米, the
/// default, two decimals) or <c>mu</c> (亩, four decimals); it is kept in ㎡ either way.
/// </summary>
public sealed record ParcelInput(string? Name, string? RegionCode, Guid? CarrierId, string? Location, decimal? Area, string? AreaUnit,
    string? Use, string? PlannedProject);

/// <summary>One approval step as the form and the API send it (the kind in kebab-case or Chinese).</summary>
public sealed record ParcelStepInput(string? Kind, DateOnly? SubmittedOn, DateOnly? CompletedOn, string? Note);

/// <summary>A parcel's and its steps' rules, shared by the forms and the API; pure functions.</summary>
public static class ParcelRules
{
    public const int NameMax = 100;
    public const int LocationMax = 200;
    public const int PlannedProjectMax = 100;
    public const int NoteMax = 200;

    /// <summary>A parcel above 10 km² is a typing error.</summary>
    public const decimal MaxSquareMetres = 10_000_000m;

    public static readonly IReadOnlyDictionary<ParcelUse, string> UseNames = new Dictionary<ParcelUse, string>
    {
        [ParcelUse.Industrial] = "工业用地",
        [ParcelUse.Research] = "科研用地",
        [ParcelUse.Commercial] = "商服用地",
        [ParcelUse.Mixed] = "混合用地",
        [ParcelUse.Undetermined] = "待定",
    };

    /// <summary>The steps in the order a parcel usually goes through them.</summary>
    public static readonly IReadOnlyDictionary<ParcelStepKind, string> StepNames = new Dictionary<ParcelStepKind, string>
    {
        [ParcelStepKind.ZoningAdjustment] = "控规调整",
        [ParcelStepKind.FarmlandConversion] = "农转用",
        [ParcelStepKind.Subdivision] = "分割方案",
        [ParcelStepKind.LandSupply] = "供地",
    };

    public static readonly IReadOnlyDictionary<string, string> AreaUnits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqm"] = "平方米",
        ["mu"] = "亩",
    };

    public static ParcelFacts? Validate(ParcelInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        var name = errors.Text("name", "地块名称", input.Name, NameMax);
        var use = errors.Enum("use", "用地性质", input.Use, UseNames);
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择地块所在行政区划");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        var location = errors.Text("location", "坐落", input.Location, LocationMax, required: false);
        var planned = errors.Text("plannedProject", "拟建项目", input.PlannedProject, PlannedProjectMax, required: false);
        var squareMetres = SquareMetres(input.Area, input.AreaUnit, errors);
        return errors.Any ? null
            : new ParcelFacts(name, region, input.CarrierId, location.Length == 0 ? null : location, squareMetres!.Value, use!.Value, planned.Length == 0 ? null : planned);
    }

    /// <summary>The area in ㎡: required, positive, at most 10 km², two decimals of ㎡ or four of 亩.</summary>
    public static decimal? SquareMetres(decimal? area, string? unit, FieldErrors errors)
    {
        var mu = false;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            if (!AreaUnits.ContainsKey(unit.Trim()) && unit.Trim() is not ("平方米" or "㎡" or "亩"))
            {
                errors.Add("areaUnit", "面积单位取值无效，可选：sqm（平方米）、mu（亩）");
                return null;
            }
            mu = unit.Trim() is "亩" || string.Equals(unit.Trim(), "mu", StringComparison.OrdinalIgnoreCase);
        }
        if (area is not { } value)
        {
            errors.Add("area", "请填写地块面积");
            return null;
        }
        if (value <= 0)
        {
            errors.Add("area", "地块面积应大于0");
            return null;
        }
        if (decimal.Round(value, mu ? 4 : 2) != value)
        {
            errors.Add("area", mu ? "以亩填写的面积最多保留四位小数" : "以平方米填写的面积最多保留两位小数");
            return null;
        }
        var squareMetres = mu ? LandArea.FromMu(value) : value;
        if (squareMetres > MaxSquareMetres)
        {
            errors.Add("area", "地块面积不能超过1000万平方米（15000亩），请检查单位");
            return null;
        }
        return squareMetres;
    }

    /// <summary>A step's kind, dates (one at least, none after today, completion not before submission) and note.</summary>
    public static (ParcelStepKind? Kind, ParcelStepFacts? Facts) ValidateStep(ParcelStepInput input, DateOnly today, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "审批环节", input.Kind, StepNames);
        var note = errors.Text("note", "备注", input.Note, NoteMax, required: false);
        if (input.SubmittedOn is null && input.CompletedOn is null)
        {
            errors.Add("submittedOn", "请填写报批日期或完成日期");
        }
        if (input.SubmittedOn > today)
        {
            errors.Add("submittedOn", "报批日期不能晚于今天");
        }
        if (input.CompletedOn > today)
        {
            errors.Add("completedOn", "完成日期不能晚于今天");
        }
        else if (input.CompletedOn is { } completed && input.SubmittedOn is { } submitted && completed < submitted)
        {
            errors.Add("completedOn", "完成日期不能早于报批日期");
        }
        return errors.Any ? (kind, null) : (kind, new ParcelStepFacts(input.SubmittedOn, input.CompletedOn, note.Length == 0 ? null : note));
    }

    /// <summary>
    /// 供地 needs the land to be construction land: when the parcel records a 农转用 step, land can be supplied only
    /// once that step is completed, and not before the day it was. Null when the steps agree, else the broken rule.
    /// </summary>
    public static RuleException? CheckOrder(IReadOnlyDictionary<ParcelStepKind, ParcelStepFacts> steps)
    {
        if (steps.TryGetValue(ParcelStepKind.LandSupply, out var supply) && supply.CompletedOn is { } supplied
            && steps.TryGetValue(ParcelStepKind.FarmlandConversion, out var conversion))
        {
            if (conversion.CompletedOn is not { } converted)
            {
                return new RuleException("carriers.land-supply-before-conversion", "该地块的农转用尚未批复，不能登记供地完成");
            }
            if (converted > supplied)
            {
                return new RuleException("carriers.land-supply-before-conversion",
                    $"供地日期 {supplied:yyyy-MM-dd} 早于农转用批复日期 {converted:yyyy-MM-dd}");
            }
        }
        return null;
    }

    public static RuleException StepExists(ParcelStepKind kind) =>
        new("carriers.parcel-step-exists", $"该地块已登记“{StepNames[kind]}”环节，请修改原记录");
}
