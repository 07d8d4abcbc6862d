using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>A demand as the form, the API and the import send it; the budget in 元. An enterprise account's own organisation replaces <c>EnterpriseId</c>.</summary>
public sealed record DemandInput(Guid? EnterpriseId, string? Kind, string? Title, string? Description, string? Field, decimal? Budget, DateOnly? Deadline,
    DateOnly? CollectedOn, Guid? CampaignId);

public sealed record DemandStatusInput(string? Status);

public sealed record CampaignInput(string? Name, string? RegionCode, DateOnly? StartsOn, DateOnly? EndsOn);

public static class DemandRules
{
    public const int TitleMax = 100;
    public const int DescriptionMax = 2000;
    public const int FieldMax = 50;
    public const int CampaignNameMax = 100;

    public static readonly IReadOnlyDictionary<DemandKind, string> KindNames = new Dictionary<DemandKind, string>
    {
        [DemandKind.Technology] = "技术需求",
        [DemandKind.Talent] = "人才需求",
    };

    public static readonly IReadOnlyDictionary<DemandStatus, string> StatusNames = new Dictionary<DemandStatus, string>
    {
        [DemandStatus.Open] = "征集中",
        [DemandStatus.Matched] = "已对接",
        [DemandStatus.Cooperating] = "合作中",
        [DemandStatus.Closed] = "已关闭",
    };

    /// <summary>
    /// The moves a demand may make: matched once an institution is found (or back to open when the match fails), cooperating
    /// once an agreement is signed, closed from any state but closed. A cooperation recorded from an open demand moves it
    /// straight to cooperating.
    /// </summary>
    public static bool CanMove(DemandStatus from, DemandStatus to) => (from, to) switch
    {
        (DemandStatus.Open, DemandStatus.Matched) => true,
        (DemandStatus.Open, DemandStatus.Cooperating) => true,
        (DemandStatus.Matched, DemandStatus.Open) => true,
        (DemandStatus.Matched, DemandStatus.Cooperating) => true,
        (DemandStatus.Open or DemandStatus.Matched or DemandStatus.Cooperating, DemandStatus.Closed) => true,
        _ => false,
    };

    public static RuleException? CheckMove(DemandStatus from, DemandStatus to) => CanMove(from, to) ? null
        : new RuleException("transfer.demand-transition", $"需求当前为“{StatusNames[from]}”，不能改为“{StatusNames[to]}”");

    /// <summary>A closed demand is kept as it was.</summary>
    public static RuleException? CheckEditable(DemandStatus status) =>
        status == DemandStatus.Closed ? new RuleException("transfer.demand-closed", "需求已关闭，不能修改") : null;

    public static DemandFacts? Validate(DemandInput input, DateOnly today, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "需求类型", input.Kind, KindNames);
        var title = errors.Text("title", "需求名称", input.Title, TitleMax);
        var description = errors.Text("description", "需求内容", input.Description, DescriptionMax, required: false);
        var field = errors.Text("field", "技术领域", input.Field, FieldMax, required: false);
        var budget = TransferText.Amount(input.Budget, "budget", "预算金额", false, errors);
        var collected = input.CollectedOn ?? today;
        if (collected > today)
        {
            errors.Add("collectedOn", "征集（登记）日期不能晚于今天");
        }
        if (input.Deadline is { } deadline && deadline < collected)
        {
            errors.Add("deadline", "需求截止日期不能早于征集（登记）日期");
        }
        return errors.Any ? null : new DemandFacts(kind!.Value, title, TransferText.OrNull(description), TransferText.OrNull(field), budget, input.Deadline,
            collected, input.CampaignId);
    }
}
