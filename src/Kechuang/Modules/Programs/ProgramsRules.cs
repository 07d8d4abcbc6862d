using System.Globalization;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Programs;

public sealed record CriterionInput(string? Name, int? MaxPoints);

public sealed record CallInput(string? Level, int? Year, string? Category, string? Title, DateOnly? OpensOn, DateOnly? ClosesOn, string? Guide, bool? DropHighLow,
    int? NoticeDays, IReadOnlyList<CriterionInput>? Criteria, string? RegionCode);

public sealed record DocumentInput(string? Name, string? Kind, int? Pages);

public sealed record ApplicationInput(Guid? CallId, Guid? OrganizationId, string? Title, string? Leader, string? Team, decimal? OwnFunds, decimal? RequestedFunds,
    IReadOnlyList<DocumentInput>? Documents);

public sealed record CheckInput(bool? Passed, string? Note, DateOnly? Day);

public sealed record AssignInput(IReadOnlyList<Guid>? ReviewerIds);

public sealed record ConflictInput(string? Reason);

public sealed record ScoreInput(IReadOnlyList<int>? Points, string? Comment);

public sealed record RecommendInput(Guid? ToCallId, DateOnly? Day);

public sealed record DayInput(DateOnly? Day);

public sealed record ApproveInput(DateOnly? Day, decimal? Funds);

public sealed record ObjectionInput(DateOnly? ReceivedOn, string? Content);

public sealed record ResolveObjectionInput(bool? Upheld, string? Resolution, DateOnly? Day);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

public sealed record TaskContractInput(DateOnly? SignedOn, DateOnly? StartOn, DateOnly? EndOn, IReadOnlyList<MilestoneInput>? Milestones);

public sealed record MidtermInput(DateOnly? Day, string? Result);

public sealed record ExtensionInput(int? Months, DateOnly? Day);

public sealed record AcceptanceInput(bool? Passed, string? Note, DateOnly? Day);

public sealed record EvaluationInput(string? Grade, DateOnly? Day);

/// <summary>
/// The plan-project rules (docs/rules/plan-projects.md), pure functions shared by the API, the pages and the import:
/// the acceptance window, the one extension, the average of the reviewers' scores.
/// </summary>
public static class ProgramsRules
{
    /// <summary>验收申请: within the implementation period or within 6 months after its end (浙江省科技计划项目验收管理办法).</summary>
    public const int AcceptanceMonthsAfterEnd = 6;

    /// <summary>延期: at most once, at most 12 months each time.</summary>
    public const int MaxExtensionMonths = 12;

    public const int DefaultNoticeDays = 7;

    /// <summary>评审指标: at most ten per call, their full marks adding up to 100.</summary>
    public const int MaxCriteria = 10;

    public const int CriteriaTotal = 100;

    public static readonly IReadOnlyList<string> Categories =
        ["一般研发", "社发类", "工业类", "农业类", "农业类重点", "重点研发", "重点农业企业研究院", "软科学"];

    public static readonly IReadOnlyList<Criterion> DefaultCriteria =
        [new("创新性", 30), new("技术可行性", 25), new("团队与基础", 20), new("预期效益", 25)];

    public static readonly IReadOnlyDictionary<PlanLevel, string> LevelNames = new Dictionary<PlanLevel, string>
    {
        [PlanLevel.County] = "县级",
        [PlanLevel.City] = "市级",
        [PlanLevel.Provincial] = "省级",
    };

    public static readonly IReadOnlyDictionary<ApplicationStatus, string> StatusNames = new Dictionary<ApplicationStatus, string>
    {
        [ApplicationStatus.Submitted] = "已申报",
        [ApplicationStatus.Returned] = "形式审查未通过",
        [ApplicationStatus.Checked] = "形式审查通过",
        [ApplicationStatus.InReview] = "专家评审中",
        [ApplicationStatus.Reviewed] = "评审完成",
        [ApplicationStatus.Recommended] = "已推荐上报",
        [ApplicationStatus.Publicizing] = "立项公示中",
        [ApplicationStatus.Approved] = "已立项",
        [ApplicationStatus.NotApproved] = "未立项",
        [ApplicationStatus.InProgress] = "执行中",
        [ApplicationStatus.AcceptanceRequested] = "已申请验收",
        [ApplicationStatus.Accepted] = "验收通过",
        [ApplicationStatus.AcceptanceFailed] = "验收不通过",
    };

    public static readonly IReadOnlyDictionary<PerformanceGrade, string> GradeNames = new Dictionary<PerformanceGrade, string>
    {
        [PerformanceGrade.Excellent] = "优秀",
        [PerformanceGrade.Good] = "良好",
        [PerformanceGrade.Pass] = "合格",
        [PerformanceGrade.Fail] = "不合格",
    };

    /// <summary>States after approval (立项): what programs.approved counts.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> ApprovedStates =
        [ApplicationStatus.Approved, ApplicationStatus.InProgress, ApplicationStatus.AcceptanceRequested, ApplicationStatus.Accepted, ApplicationStatus.AcceptanceFailed];

    /// <summary>The last day an acceptance may be requested: six months after the (extended) end date.</summary>
    public static DateOnly AcceptanceDeadline(DateOnly endOn) => endOn.AddMonths(AcceptanceMonthsAfterEnd);

    /// <summary>逾期: in progress, and the acceptance deadline has passed without a request.</summary>
    public static bool IsOverdue(ApplicationStatus status, DateOnly? endOn, DateOnly today) =>
        status == ApplicationStatus.InProgress && endOn is { } end && today > AcceptanceDeadline(end);

    public static void CheckAcceptanceRequest(DateOnly startOn, DateOnly endOn, DateOnly day)
    {
        if (day < startOn)
        {
            throw new RuleException("programs.acceptance-early", $"项目实施期自{Day(startOn)}开始，此前不能申请验收");
        }
        var deadline = AcceptanceDeadline(endOn);
        if (day > deadline)
        {
            throw new RuleException("programs.acceptance-overdue", $"实施期满6个月内（{Day(deadline)}前）未申请验收，按验收不合格处理");
        }
    }

    public static void CheckExtension(bool alreadyExtended, int months, DateOnly day, DateOnly endOn)
    {
        if (alreadyExtended)
        {
            throw new RuleException("programs.extension-used", "项目已延期一次，延期原则上不超过1次");
        }
        if (months is < 1 or > MaxExtensionMonths)
        {
            throw new RuleException("programs.extension-too-long", "每次延期不超过12个月");
        }
        if (day > endOn)
        {
            throw new RuleException("programs.extension-late", $"延期须在合同执行期内（{Day(endOn)}前）申请");
        }
    }

    /// <summary>
    /// 评审得分: the mean of the reviewers' totals, dropping one highest and one lowest when the call says so and at least
    /// three reviewers scored (with fewer nothing would remain to average); two decimals, half away from zero.
    /// </summary>
    public static decimal AverageScore(IReadOnlyList<decimal> totals, bool dropHighLow)
    {
        if (totals.Count == 0)
        {
            throw new RuleException("programs.no-scores", "尚无专家提交评分");
        }
        var kept = totals.Order().ToList();
        if (dropHighLow && kept.Count >= 3)
        {
            kept = kept.Skip(1).Take(kept.Count - 2).ToList();
        }
        return decimal.Round(kept.Sum() / kept.Count, 2, MidpointRounding.AwayFromZero);
    }

    public static void ValidatePoints(IReadOnlyList<int>? points, IReadOnlyList<Criterion> criteria, FieldErrors errors)
    {
        if (points is null || points.Count != criteria.Count)
        {
            errors.Add("points", $"请按{criteria.Count}项评审指标逐项评分");
            return;
        }
        for (var i = 0; i < criteria.Count; i++)
        {
            if (points[i] < 0 || points[i] > criteria[i].MaxPoints)
            {
                errors.Add("points", $"“{criteria[i].Name}”的得分应在0至{criteria[i].MaxPoints}分之间");
            }
        }
    }

    public static CallFacts? ValidateCall(CallInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        var level = errors.Enum("level", "计划层级", input.Level, LevelNames);
        if (input.Year is not { } year)
        {
            errors.Add("year", "请填写年度");
        }
        else if (year is < 2000 or > 2100)
        {
            errors.Add("year", "年度须在2000至2100之间");
        }
        var category = Category(input.Category, errors);
        var title = errors.Text("title", "通知标题", input.Title, 200);
        if (input.OpensOn is null)
        {
            errors.Add("opensOn", "请填写申报开始日期");
        }
        if (input.ClosesOn is null)
        {
            errors.Add("closesOn", "请填写申报截止日期");
        }
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
        {
            errors.Add("closesOn", "申报截止日期不能早于开始日期");
        }
        var guide = errors.Text("guide", "申报指南", input.Guide, 4000, required: false);
        var noticeDays = input.NoticeDays ?? DefaultNoticeDays;
        if (noticeDays is < 1 or > 60)
        {
            errors.Add("noticeDays", "公示天数应在1至60天之间");
        }
        var criteria = Criteria(input.Criteria, errors);
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择发布单位所在行政区划");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        return errors.Any ? null
            : new CallFacts(region, level!.Value, input.Year!.Value, category, title, input.OpensOn!.Value, input.ClosesOn!.Value, Empty(guide), input.DropHighLow ?? false,
                noticeDays, criteria);
    }

    public static ApplicationFacts? ValidateApplication(ApplicationInput input, string regionCode, FieldErrors errors)
    {
        if (input.CallId is null)
        {
            errors.Add("callId", "请选择申报通知");
        }
        if (input.OrganizationId is null)
        {
            errors.Add("organizationId", "请选择申报单位");
        }
        var title = errors.Text("title", "项目名称", input.Title, 200);
        var leader = errors.Text("leader", "项目负责人", input.Leader, 50);
        var team = errors.Text("team", "项目组成员", input.Team, 1000, required: false);
        var own = Funds("ownFunds", "自筹经费", input.OwnFunds, errors, allowZero: true);
        var requested = Funds("requestedFunds", "申请经费", input.RequestedFunds, errors, allowZero: false);
        var documents = new List<DocumentInfo>();
        foreach (var (d, i) in (input.Documents ?? []).Select((d, i) => (d, i)))
        {
            var name = errors.Text("documents", $"第{i + 1}份材料的名称", d.Name, 200);
            var kind = errors.Text("documents", $"第{i + 1}份材料的类型", d.Kind, 50, required: false);
            if (d.Pages is < 1 or > 10_000)
            {
                errors.Add("documents", $"第{i + 1}份材料的页数应在1至10000之间");
            }
            documents.Add(new DocumentInfo(name, Empty(kind), d.Pages));
        }
        if (documents.Count > 30)
        {
            errors.Add("documents", "申报材料最多30份");
        }
        return errors.Any ? null : new ApplicationFacts(regionCode, input.OrganizationId!.Value, title, leader, Empty(team), own, requested, documents);
    }

    public static string Category(string? value, FieldErrors errors)
    {
        var category = value?.Trim() ?? "";
        if (category.Length == 0)
        {
            errors.Add("category", "请选择项目类别");
        }
        else if (!Categories.Contains(category))
        {
            errors.Add("category", $"项目类别取值无效，可选：{string.Join("、", Categories)}");
        }
        return category;
    }

    public static IReadOnlyList<Criterion> ParseCriteria(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).Select(p => new Criterion(p[0], int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

    public static string FormatCriteria(IEnumerable<Criterion> criteria) =>
        string.Join(';', criteria.Select(c => $"{c.Name}:{c.MaxPoints.ToString(CultureInfo.InvariantCulture)}"));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// 评审指标: omitted, the defaults; given, one to ten named rows whose full marks add up to 100 (a reviewer's total is
    /// then out of 100 like every other call's). Each message names its row.
    /// </summary>
    private static List<Criterion> Criteria(IReadOnlyList<CriterionInput>? input, FieldErrors errors)
    {
        if (input is null)
        {
            return [.. DefaultCriteria];
        }
        if (input.Count == 0)
        {
            errors.Add("criteria", "请至少设置1项评审指标");
            return [];
        }
        if (input.Count > MaxCriteria)
        {
            errors.Add("criteria", $"评审指标最多{MaxCriteria}项");
        }
        var list = new List<Criterion>();
        foreach (var (c, i) in input.Select((c, i) => (c, i + 1)))
        {
            var name = c.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add("criteria", $"请填写第{i}项评审指标的名称");
            }
            else if (name.Length > 20 || name.Contains(':') || name.Contains(';'))
            {
                errors.Add("criteria", $"第{i}项评审指标的名称应为1至20个字，不含冒号和分号");
            }
            if (c.MaxPoints is null)
            {
                errors.Add("criteria", $"请填写第{i}项评审指标的满分");
            }
            else if (c.MaxPoints is not (>= 1 and <= 100))
            {
                errors.Add("criteria", $"第{i}项评审指标的满分应在1至100分之间");
            }
            if (name.Length > 0 && list.Any(x => x.Name == name))
            {
                errors.Add("criteria", $"评审指标“{name}”重复");
            }
            list.Add(new Criterion(name, c.MaxPoints ?? 0));
        }
        var total = list.Sum(c => c.MaxPoints);
        if (list.All(c => c.MaxPoints is >= 1 and <= 100) && total != CriteriaTotal)
        {
            errors.Add("criteria", $"各项评审指标的满分合计应为{CriteriaTotal}分，现为{total}分");
        }
        return list;
    }

    private static decimal Funds(string field, string label, decimal? value, FieldErrors errors, bool allowZero)
    {
        if (value is not { } v)
        {
            errors.Add(field, $"请填写{label}");
            return 0;
        }
        if (v < 0 || (!allowZero && v == 0))
        {
            errors.Add(field, allowZero ? $"{label}不能为负数" : $"{label}应大于 0");
        }
        else if (!Money.HasAtMostTwoDecimals(v) || v > 10_000_000_000m)
        {
            errors.Add(field, $"{label}最多两位小数，且不超过100亿元");
        }
        return v;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
