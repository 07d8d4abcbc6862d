using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>A scheme as the API sends it: weight and cap of each indicator, the lowest score of each grade.</summary>
public sealed record SchemeInput(string? Name, int? Year, string? RegionCode, IReadOnlyList<SchemeItemInput>? Items, decimal? ExcellentFrom, decimal? GoodFrom, decimal? PassFrom);

public sealed record SchemeItemInput(string? Indicator, decimal? Weight, decimal? Cap);

/// <summary>An assessment as the form sends it; the signed amount in 元.</summary>
public sealed record AssessmentInput(int? Year, int? Projects, decimal? SignedAmount, int? Activities, int? Visits, int? Awards, string? Note);

/// <summary>A payment to a station; the amount in 元.</summary>
public sealed record StationPaymentInput(string? Kind, Guid? AssessmentId, decimal? Amount, DateOnly? PaidOn, string? Note);

/// <summary>
/// Station assessment (docs/rules/transfer-station-assessment.md): each indicator gives value × weight points, at most its
/// cap; the score is their sum (two decimals) and the grade the highest whose lowest score it reaches.
/// </summary>
public static class AssessmentRules
{
    public const int NameMax = 100;
    public const int NoteMax = 200;
    public const int MaxCount = 100_000;

    /// <summary>A cap above 100 points or a weight above it is a typing error: the score is out of 100.</summary>
    public const decimal MaxPoints = 100m;

    public static readonly IReadOnlyDictionary<AssessmentIndicator, string> IndicatorNames = new Dictionary<AssessmentIndicator, string>
    {
        [AssessmentIndicator.Projects] = "促成合作项目（项）",
        [AssessmentIndicator.SignedAmount] = "合同签约金额（万元）",
        [AssessmentIndicator.Activities] = "组织对接活动（次）",
        [AssessmentIndicator.Visits] = "专家走访企业（人次）",
        [AssessmentIndicator.Awards] = "获奖荣誉（项）",
    };

    public static readonly IReadOnlyDictionary<AssessmentGrade, string> GradeNames = new Dictionary<AssessmentGrade, string>
    {
        [AssessmentGrade.Excellent] = "优秀",
        [AssessmentGrade.Good] = "良好",
        [AssessmentGrade.Pass] = "合格",
        [AssessmentGrade.Fail] = "不合格",
    };

    public static readonly IReadOnlyDictionary<StationPaymentKind, string> PaymentKindNames = new Dictionary<StationPaymentKind, string>
    {
        [StationPaymentKind.WorkingFunds] = "工作经费",
        [StationPaymentKind.Reward] = "考核奖励",
    };

    /// <summary>The points one indicator gives: value × weight, never more than the cap.</summary>
    public static decimal Points(decimal value, SchemeItem item) => Math.Min(value * item.Weight, item.Cap);

    public static decimal Score(AssessmentValues values, IReadOnlyList<SchemeItem> items) =>
        decimal.Round(items.Sum(i => Points(values.Of(i.Indicator), i)), 2, MidpointRounding.AwayFromZero);

    public static AssessmentGrade Grade(decimal score, SchemeFacts scheme) =>
        score >= scheme.ExcellentFrom ? AssessmentGrade.Excellent
        : score >= scheme.GoodFrom ? AssessmentGrade.Good
        : score >= scheme.PassFrom ? AssessmentGrade.Pass
        : AssessmentGrade.Fail;

    public static SchemeFacts? ValidateScheme(SchemeInput input, FieldErrors errors)
    {
        var name = errors.Text("name", "考核办法名称", input.Name, NameMax);
        if (input.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "请填写考核年度（2000至2100）");
        }
        var items = new List<SchemeItem>();
        foreach (var (item, index) in (input.Items ?? []).Select((item, index) => (item, index)))
        {
            var indicator = errors.Enum($"items[{index}].indicator", "考核指标", item.Indicator, IndicatorNames);
            if (item.Weight is not { } weight || weight < 0 || weight > MaxPoints)
            {
                errors.Add($"items[{index}].weight", "每单位分值应在0至100之间");
            }
            if (item.Cap is not { } cap || cap < 0 || cap > MaxPoints)
            {
                errors.Add($"items[{index}].cap", "封顶分值应在0至100之间");
            }
            if (indicator is { } i && items.Any(x => x.Indicator == i))
            {
                errors.Add($"items[{index}].indicator", $"考核指标“{IndicatorNames[i]}”重复");
            }
            else if (indicator is { } ok && item.Weight is { } w && item.Cap is { } c)
            {
                items.Add(new SchemeItem(ok, w, c));
            }
        }
        if (input.Items is not { Count: > 0 })
        {
            errors.Add("items", "请至少设置一项考核指标");
        }
        else if (items.Sum(i => i.Cap) > MaxPoints)
        {
            errors.Add("items", "各项封顶分值之和不能超过100分");
        }
        if (input.ExcellentFrom is not { } excellent || input.GoodFrom is not { } good || input.PassFrom is not { } pass)
        {
            errors.Add("grades", "请填写优秀、良好、合格的最低分");
        }
        else if (!(excellent > good && good > pass && pass > 0 && excellent <= MaxPoints))
        {
            errors.Add("grades", "等次最低分应满足：100 ≥ 优秀 > 良好 > 合格 > 0");
        }
        return errors.Any ? null : new SchemeFacts(name, items, input.ExcellentFrom!.Value, input.GoodFrom!.Value, input.PassFrom!.Value);
    }

    public static AssessmentValues? ValidateAssessment(AssessmentInput input, FieldErrors errors)
    {
        if (input.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "请填写考核年度（2000至2100）");
        }
        int Count(int? value, string field, string label)
        {
            if (value is < 0 or > MaxCount)
            {
                errors.Add(field, $"{label}应在0至{MaxCount}之间");
            }
            return value ?? 0;
        }
        var projects = Count(input.Projects, "projects", "促成合作项目数");
        var activities = Count(input.Activities, "activities", "组织对接活动次数");
        var visits = Count(input.Visits, "visits", "专家走访人次");
        var awards = Count(input.Awards, "awards", "获奖荣誉数");
        long amount = 0;
        if (input.SignedAmount is < 0)
        {
            errors.Add("signedAmount", "合同签约金额不能为负数");
        }
        else if (input.SignedAmount is { } yuan && yuan > 0)
        {
            amount = TransferText.Amount(yuan, "signedAmount", "合同签约金额", false, errors) ?? 0;
        }
        errors.Text("note", "考核意见", input.Note, NoteMax, required: false);
        return errors.Any ? null : new AssessmentValues(projects, amount, activities, visits, awards);
    }

    public static (StationPaymentKind Kind, long AmountFen, DateOnly PaidOn, string? Note)? ValidatePayment(StationPaymentInput input, DateOnly today, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "资金类型", input.Kind, PaymentKindNames);
        if (kind == StationPaymentKind.Reward && input.AssessmentId is null)
        {
            errors.Add("assessmentId", "考核奖励请选择对应的年度考核");
        }
        var amount = TransferText.Amount(input.Amount, "amount", "金额", true, errors);
        if (input.PaidOn is null)
        {
            errors.Add("paidOn", "请填写兑现日期");
        }
        else if (input.PaidOn > today)
        {
            errors.Add("paidOn", "兑现日期不能晚于今天");
        }
        var note = errors.Text("note", "说明", input.Note, NoteMax, required: false);
        return errors.Any ? null : (kind!.Value, amount!.Value, input.PaidOn!.Value, TransferText.OrNull(note));
    }

    /// <summary>A reward goes only with a year the station passed.</summary>
    public static RuleException? CheckReward(AssessmentGrade grade) =>
        grade == AssessmentGrade.Fail ? new RuleException("transfer.reward-failed-grade", "考核不合格的工作站不能兑现考核奖励") : null;
}
