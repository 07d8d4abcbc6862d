using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Commissioners;

/// <summary>A commissioner as the form, the API and the import send it; kinds and levels in kebab-case or Chinese.</summary>
public sealed record CommissionerInput(Guid? PersonId, string? Kind, string? Level, Guid? DispatchingUnitId, string? RegionCode, string? Industry,
    DateOnly? TermStart, DateOnly? TermEnd, DateOnly? AgreementSignedOn);

/// <summary>The commissioner's field rules (docs/rules/commissioners.md) and the Chinese names of its choices.</summary>
public static class CommissionerRules
{
    public const int IndustryMax = 50;

    /// <summary>A term longer than this is a typing error: dispatches run one to a few years.</summary>
    public const int MaxTermYears = 5;

    /// <summary>Length of a town's (乡镇、街道) region code; a commissioner is dispatched to a town.</summary>
    public const int TownCodeLength = 9;

    public static readonly IReadOnlyDictionary<CommissionerKind, string> KindNames = new Dictionary<CommissionerKind, string>
    {
        [CommissionerKind.Individual] = "个人科技特派员",
        [CommissionerKind.Team] = "团队科技特派员",
        [CommissionerKind.LegalPerson] = "法人科技特派员",
    };

    /// <summary>服务模式 of each kind.</summary>
    public static readonly IReadOnlyDictionary<CommissionerKind, string> ModelNames = new Dictionary<CommissionerKind, string>
    {
        [CommissionerKind.Individual] = "1人+1乡",
        [CommissionerKind.Team] = "1团+1业",
        [CommissionerKind.LegalPerson] = "1家+1县",
    };

    public static readonly IReadOnlyDictionary<CommissionerLevel, string> LevelNames = new Dictionary<CommissionerLevel, string>
    {
        [CommissionerLevel.Provincial] = "省派",
        [CommissionerLevel.City] = "市派",
        [CommissionerLevel.County] = "县派",
    };

    /// <summary>Checks every field; null when any is bad. <paramref name="isTown"/> says whether a code is a known town.</summary>
    public static CommissionerFacts? Validate(CommissionerInput input, Func<string, bool> isTown, FieldErrors errors)
    {
        if (input.PersonId is null)
        {
            errors.Add("personId", "请选择科技特派员（人员名录中的人员）");
        }
        var kind = errors.Enum("kind", "特派员类型", input.Kind, KindNames);
        var level = errors.Enum("level", "派遣层级", input.Level, LevelNames);
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择派驻乡镇（街道）");
        }
        else if (region.Length != TownCodeLength || !isTown(region))
        {
            errors.Add("regionCode", $"派驻地应为乡镇（街道），“{region}”不是已登记的乡镇（街道）代码");
        }
        var industry = errors.Text("industry", "服务产业", input.Industry, IndustryMax);
        if (input.TermStart is null)
        {
            errors.Add("termStart", "请填写派驻开始日期");
        }
        if (input.TermEnd is null)
        {
            errors.Add("termEnd", "请填写派驻结束日期");
        }
        if (input.TermStart is { } start && input.TermEnd is { } end)
        {
            if (end <= start)
            {
                errors.Add("termEnd", "派驻结束日期应晚于开始日期");
            }
            else if (end > start.AddYears(MaxTermYears))
            {
                errors.Add("termEnd", $"派驻期限不能超过{MaxTermYears}年");
            }
        }
        if (input.AgreementSignedOn is { } signed && input.TermEnd is { } termEnd && signed > termEnd)
        {
            errors.Add("agreementSignedOn", "协议签订日期不能晚于派驻结束日期");
        }
        return errors.Any
            ? null
            : new CommissionerFacts(input.PersonId!.Value, kind!.Value, level!.Value, input.DispatchingUnitId, region, industry,
                input.TermStart!.Value, input.TermEnd!.Value, input.AgreementSignedOn);
    }

    /// <summary>Two terms overlap when each starts on or before the other ends.</summary>
    public static bool Overlap(DateOnly start1, DateOnly end1, DateOnly start2, DateOnly end2) => start1 <= end2 && start2 <= end1;

    public static RuleException OverlapProblem(string name) =>
        new("commissioners.overlapping-term", $"{name}在该期间已有同一层级的派驻记录，派驻期不能重叠");
}

/// <summary>A surveyed need as the form and the API send it.</summary>
public sealed record NeedInput(DateOnly? SurveyedOn, string? RegionCode, Guid? EnterpriseId, string? Industry, string? Need, string? Status, Guid? CommissionerId);

public static class NeedRules
{
    public const int NeedMax = 500;

    public static readonly IReadOnlyDictionary<NeedStatus, string> StatusNames = new Dictionary<NeedStatus, string>
    {
        [NeedStatus.Open] = "待对接",
        [NeedStatus.Matched] = "已对接",
        [NeedStatus.Resolved] = "已解决",
    };

    public static NeedFacts? Validate(NeedInput input, Func<string, bool> isTown, DateOnly today, FieldErrors errors)
    {
        if (input.SurveyedOn is null)
        {
            errors.Add("surveyedOn", "请填写摸底日期");
        }
        else if (input.SurveyedOn > today)
        {
            errors.Add("surveyedOn", "摸底日期不能晚于今天");
        }
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择需求所在乡镇（街道）");
        }
        else if (region.Length != CommissionerRules.TownCodeLength || !isTown(region))
        {
            errors.Add("regionCode", $"需求所在地应为乡镇（街道），“{region}”不是已登记的乡镇（街道）代码");
        }
        var industry = errors.Text("industry", "所属产业", input.Industry, CommissionerRules.IndustryMax);
        var need = errors.Text("need", "需求内容", input.Need, NeedMax);
        var status = errors.Enum("status", "对接状态", input.Status, StatusNames, required: false) ?? NeedStatus.Open;
        if (status != NeedStatus.Open && input.CommissionerId is null)
        {
            errors.Add("commissionerId", "已对接或已解决的需求请选择对接的科技特派员");
        }
        return errors.Any ? null : new NeedFacts(input.SurveyedOn!.Value, region, input.EnterpriseId, industry, need, status, input.CommissionerId);
    }
}

/// <summary>A commissioner project as the form, the API and the import send it; funding in 元.</summary>
public sealed record ProjectInput(Guid? CommissionerId, string? Level, int? Year, string? Title, decimal? Funding, string? Goals, string? Results);

public static class ProjectRules
{
    public const int TitleMax = 100;
    public const int TextMax = 1000;

    /// <summary>Funding above 1000万元 is a typing error for a commissioner project (the province funds a few 万元 each).</summary>
    public const decimal MaxFunding = 10_000_000m;

    public static readonly IReadOnlyDictionary<ProjectLevel, string> LevelNames = new Dictionary<ProjectLevel, string>
    {
        [ProjectLevel.Provincial] = "省级",
        [ProjectLevel.County] = "县级",
    };

    public static ProjectFacts? Validate(ProjectInput input, FieldErrors errors)
    {
        if (input.CommissionerId is null)
        {
            errors.Add("commissionerId", "请选择承担项目的科技特派员");
        }
        var level = errors.Enum("level", "项目层级", input.Level, LevelNames);
        if (input.Year is null)
        {
            errors.Add("year", "请填写立项年度");
        }
        else if (input.Year is < 2000 or > 2199)
        {
            errors.Add("year", "立项年度应在2000至2199之间");
        }
        var title = errors.Text("title", "项目名称", input.Title, TitleMax);
        if (input.Funding is { } funding)
        {
            if (funding < 0)
            {
                errors.Add("funding", "资助经费不能为负数");
            }
            else if (funding > MaxFunding)
            {
                errors.Add("funding", "资助经费不能超过1000万元，请检查单位（元）");
            }
            else if (!Platform.Data.Money.HasAtMostTwoDecimals(funding))
            {
                errors.Add("funding", "资助经费最多保留两位小数（元）");
            }
        }
        var goals = errors.Text("goals", "目标任务", input.Goals, TextMax, required: false);
        var results = errors.Text("results", "实施成效", input.Results, TextMax, required: false);
        return errors.Any
            ? null
            : new ProjectFacts(input.CommissionerId!.Value, level!.Value, input.Year!.Value, title, input.Funding,
                goals.Length == 0 ? null : goals, results.Length == 0 ? null : results);
    }
}
