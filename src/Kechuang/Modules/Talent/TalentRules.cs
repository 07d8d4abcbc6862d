using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Talent;

/// <summary>A talent-programme application as the form, the API and the import send it.</summary>
public sealed record ApplicationInput(string? Programme, string? Level, Guid? PersonId, Guid? EmployerId, string? RegionCode, int? Year,
    DateOnly? RecommendedOn, string? Result, DateOnly? DecidedOn, string? Note);

/// <summary>The programme's answer to an application.</summary>
public sealed record DecisionInput(string? Result, DateOnly? DecidedOn);

/// <summary>A PhD profile as sent.</summary>
public sealed record PhdInput(Guid? PersonId, Guid? InstitutionId, string? RegionCode, string? Discipline, string? TechFields, string? Phone);

/// <summary>An enterprise's PhD demand as sent.</summary>
public sealed record PhdDemandInput(Guid? EnterpriseId, string? RegionCode, int? Year, string? Discipline, int? Headcount, string? Description);

/// <summary>A PhD recommendation (and its placement dates) as sent.</summary>
public sealed record PhdRecommendationInput(Guid? PhdId, Guid? EnterpriseId, Guid? DemandId, string? RegionCode, int? Year, DateOnly? ReportedOn,
    DateOnly? StartedOn, DateOnly? EndedOn, string? Note);

/// <summary>An introduced talent as sent.</summary>
public sealed record IntroductionInput(Guid? PersonId, string? Degree, Guid? EmployerId, string? RegionCode, DateOnly? IntroducedOn, string? Discipline, string? Note);

/// <summary>The talent module's rules, shared by the forms, the API and the imports; pure functions.</summary>
public static class TalentRules
{
    public const int NoteMax = 200;
    public const int DisciplineMax = 50;
    public const int TechFieldsMax = 100;
    public const int DescriptionMax = 500;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static readonly IReadOnlyDictionary<TalentLevel, string> LevelNames = new Dictionary<TalentLevel, string>
    {
        [TalentLevel.National] = "国家级",
        [TalentLevel.Provincial] = "省级",
        [TalentLevel.City] = "市级",
    };

    public static readonly IReadOnlyDictionary<ApplicationResult, string> ResultNames = new Dictionary<ApplicationResult, string>
    {
        [ApplicationResult.Pending] = "待定",
        [ApplicationResult.Approved] = "获批",
        [ApplicationResult.Rejected] = "未获批",
    };

    public static readonly IReadOnlyDictionary<TalentDegree, string> DegreeNames = new Dictionary<TalentDegree, string>
    {
        [TalentDegree.Doctorate] = "博士",
        [TalentDegree.Postdoctoral] = "博士后",
    };

    /// <summary>
    /// The programme from the list, its level (given or the programme's; a level other than the programme's is refused),
    /// the year, the recommendation day (not after today), the result with its day (required once decided, never for
    /// 待定, not before the recommendation, not after today).
    /// </summary>
    public static ApplicationFacts? ValidateApplication(ApplicationInput input, TalentProgrammes programmes, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        TalentProgramme? programme = null;
        if (string.IsNullOrWhiteSpace(input.Programme))
        {
            errors.Add("programme", "请选择人才项目");
        }
        else if ((programme = programmes.Find(input.Programme)) is null)
        {
            errors.Add("programme", $"人才项目“{input.Programme.Trim()}”不在项目清单中");
        }
        var level = errors.Enum("level", "项目级别", input.Level, LevelNames, required: false);
        if (programme is not null && level is { } l && l != programme.Level)
        {
            errors.Add("level", $"“{programme.Name}”是{LevelNames[programme.Level]}项目");
        }
        var region = Region(input.RegionCode, "申报单位所在行政区划", regionExists, errors);
        if (input.PersonId is null)
        {
            errors.Add("personId", "请选择申报人");
        }
        if (input.EmployerId is null)
        {
            errors.Add("employerId", "请选择申报单位");
        }
        var year = Year(input.Year, "year", "申报年度", errors);
        if (input.RecommendedOn > today)
        {
            errors.Add("recommendedOn", "推荐日期不能晚于今天");
        }
        var result = errors.Enum("result", "评审结果", input.Result, ResultNames, required: false) ?? ApplicationResult.Pending;
        CheckDecisionDay(result, input.DecidedOn, input.RecommendedOn, today, errors);
        var note = errors.Text("note", "备注", input.Note, NoteMax, required: false);
        return errors.Any ? null
            : new ApplicationFacts(region, programme!.Name, programme.Level, input.PersonId!.Value, input.EmployerId!.Value, year!.Value,
                input.RecommendedOn, result, result == ApplicationResult.Pending ? null : input.DecidedOn, Empty(note));
    }

    /// <summary>The answer (获批 or 未获批) and its day.</summary>
    public static (ApplicationResult Result, DateOnly? DecidedOn)? ValidateDecision(DecisionInput input, DateOnly? recommendedOn, DateOnly today, FieldErrors errors)
    {
        var result = errors.Enum("result", "评审结果", input.Result, ResultNames);
        if (result is { } r)
        {
            CheckDecisionDay(r, input.DecidedOn, recommendedOn, today, errors);
        }
        return errors.Any ? null : (result!.Value, result == ApplicationResult.Pending ? null : input.DecidedOn);
    }

    /// <summary>An application already approved or turned down is not decided again (a correction goes through editing).</summary>
    public static RuleException? CheckDecision(ApplicationResult current, ApplicationResult next)
    {
        if (current != ApplicationResult.Pending)
        {
            return new RuleException("talent.application-decided", $"该申报已登记评审结果（{ResultNames[current]}），如需更正请编辑申报记录");
        }
        return next == ApplicationResult.Pending
            ? new RuleException("talent.decision-pending", "请登记获批或未获批")
            : null;
    }

    public static RuleException DuplicateApplication(string programme, int year) =>
        new("talent.duplicate-application", $"该申报人已登记{year}年度“{programme}”的申报");

    private static void CheckDecisionDay(ApplicationResult result, DateOnly? decidedOn, DateOnly? recommendedOn, DateOnly today, FieldErrors errors)
    {
        if (result == ApplicationResult.Pending)
        {
            if (decidedOn is not null)
            {
                errors.Add("decidedOn", "评审结果待定时不填写结果日期");
            }
            return;
        }
        if (decidedOn is not { } decided)
        {
            errors.Add("decidedOn", "请填写结果日期");
        }
        else if (decided > today)
        {
            errors.Add("decidedOn", "结果日期不能晚于今天");
        }
        else if (recommendedOn is { } recommended && decided < recommended)
        {
            errors.Add("decidedOn", "结果日期不能早于推荐日期");
        }
    }

    public static PhdFacts? ValidatePhd(PhdInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        if (input.PersonId is null)
        {
            errors.Add("personId", "请选择博士");
        }
        if (input.InstitutionId is null)
        {
            errors.Add("institutionId", "请选择所在高校院所");
        }
        var region = Region(input.RegionCode, "所在行政区划", regionExists, errors);
        var discipline = errors.Text("discipline", "学科专业", input.Discipline, DisciplineMax);
        var fields = errors.Text("techFields", "技术领域", input.TechFields, TechFieldsMax, required: false);
        var phone = errors.Text("phone", "联系电话", input.Phone, 20, required: false);
        if (phone.Length > 0 && !phone.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add("phone", "联系电话只能包含数字和“-”");
        }
        return errors.Any ? null : new PhdFacts(region, input.PersonId!.Value, input.InstitutionId!.Value, discipline, Empty(fields), Empty(phone));
    }

    public static PhdDemandFacts? ValidateDemand(PhdDemandInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        if (input.EnterpriseId is null)
        {
            errors.Add("enterpriseId", "请选择需求企业");
        }
        var region = Region(input.RegionCode, "企业所在行政区划", regionExists, errors);
        var year = Year(input.Year, "year", "需求年度", errors);
        var discipline = errors.Text("discipline", "需求学科专业", input.Discipline, DisciplineMax);
        if (input.Headcount is not { } headcount)
        {
            errors.Add("headcount", "请填写需求人数");
        }
        else if (headcount is < 1 or > 50)
        {
            errors.Add("headcount", "需求人数应在1至50之间");
        }
        var description = errors.Text("description", "需求说明", input.Description, DescriptionMax);
        return errors.Any ? null : new PhdDemandFacts(region, input.EnterpriseId!.Value, year!.Value, discipline, input.Headcount!.Value, description);
    }

    /// <summary>
    /// The round's year, the report day (not after today, not before the round's year), and the placement: a start not
    /// before the report, an end only after a start and not before it.
    /// </summary>
    public static PhdRecommendationFacts? ValidateRecommendation(PhdRecommendationInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        if (input.PhdId is null)
        {
            errors.Add("phdId", "请选择推荐的博士");
        }
        if (input.EnterpriseId is null)
        {
            errors.Add("enterpriseId", "请选择入企企业");
        }
        var region = Region(input.RegionCode, "企业所在行政区划", regionExists, errors);
        var year = Year(input.Year, "year", "百博入企年度", errors);
        if (input.ReportedOn is not { } reported)
        {
            errors.Add("reportedOn", "请填写上报日期");
        }
        else if (reported > today)
        {
            errors.Add("reportedOn", "上报日期不能晚于今天");
        }
        else if (year is { } y && reported.Year < y)
        {
            errors.Add("reportedOn", $"上报日期不能早于{y}年");
        }
        if (input.StartedOn is { } started)
        {
            if (started > today)
            {
                errors.Add("startedOn", "入企日期不能晚于今天");
            }
            else if (input.ReportedOn is { } r && started < r)
            {
                errors.Add("startedOn", "入企日期不能早于上报日期");
            }
        }
        if (input.EndedOn is { } ended)
        {
            if (input.StartedOn is not { } s)
            {
                errors.Add("endedOn", "未填写入企日期时不能填写离企日期");
            }
            else if (ended < s)
            {
                errors.Add("endedOn", "离企日期不能早于入企日期");
            }
        }
        var note = errors.Text("note", "备注", input.Note, NoteMax, required: false);
        return errors.Any ? null
            : new PhdRecommendationFacts(region, input.PhdId!.Value, input.EnterpriseId!.Value, input.DemandId, year!.Value, input.ReportedOn!.Value,
                input.StartedOn, input.EndedOn, Empty(note));
    }

    public static RuleException DuplicateRecommendation(int year) =>
        new("talent.duplicate-recommendation", $"该博士已在{year}年度推荐至该企业");

    public static IntroductionFacts? ValidateIntroduction(IntroductionInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        if (input.PersonId is null)
        {
            errors.Add("personId", "请选择引进人才");
        }
        var degree = errors.Enum("degree", "学历层次", input.Degree, DegreeNames);
        if (input.EmployerId is null)
        {
            errors.Add("employerId", "请选择引进单位");
        }
        var region = Region(input.RegionCode, "引进单位所在行政区划", regionExists, errors);
        if (input.IntroducedOn is not { } introduced)
        {
            errors.Add("introducedOn", "请填写引进（到岗）日期");
        }
        else if (introduced > today)
        {
            errors.Add("introducedOn", "引进日期不能晚于今天");
        }
        else if (introduced.Year < FirstYear)
        {
            errors.Add("introducedOn", $"引进日期不能早于{FirstYear}年");
        }
        var discipline = errors.Text("discipline", "学科专业", input.Discipline, DisciplineMax, required: false);
        var note = errors.Text("note", "备注", input.Note, NoteMax, required: false);
        return errors.Any ? null
            : new IntroductionFacts(region, input.PersonId!.Value, degree!.Value, input.EmployerId!.Value, input.IntroducedOn!.Value, Empty(discipline), Empty(note));
    }

    public static RuleException DuplicateIntroduction() =>
        new("talent.duplicate-introduction", "该人才已登记引进至该单位");

    private static string Region(string? code, string label, Func<string, bool> regionExists, FieldErrors errors)
    {
        var region = code?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", $"请选择{label}");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        return region;
    }

    private static int? Year(int? year, string field, string label, FieldErrors errors)
    {
        if (year is not { } y)
        {
            errors.Add(field, $"请填写{label}");
            return null;
        }
        if (y is < FirstYear or > LastYear)
        {
            errors.Add(field, $"{label}须在{FirstYear}至{LastYear}之间");
            return null;
        }
        return y;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
