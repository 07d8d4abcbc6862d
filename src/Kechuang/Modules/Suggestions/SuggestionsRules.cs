using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Suggestions;

/// <summary>
/// The windows a province or city sets for handling deputies' suggestions (docs/rules/suggestions.md §1, §3, §4, §6), from
/// configuration section <c>Suggestions:Terms</c>; the defaults are Zhejiang's 3 months (6 at most), 会办 opinions within
/// 30 days, 10 days to return a wrongly assigned item and a month to answer again after 不满意.
/// </summary>
public sealed class SuggestionTerms
{
    public int ReplyMonths { get; set; } = 3;
    public int ExtendedMonths { get; set; } = 6;
    public int OpinionDays { get; set; } = 30;
    public int ReturnDays { get; set; } = 10;
    public int RehandleMonths { get; set; } = 1;

    public DateOnly Deadline(DateOnly assignedOn) => assignedOn.AddMonths(ReplyMonths);

    public DateOnly ExtendedDeadline(DateOnly assignedOn) => assignedOn.AddMonths(ExtendedMonths);

    public DateOnly OpinionDue(DateOnly assignedOn) => assignedOn.AddDays(OpinionDays);

    /// <summary>The last day a wrongly assigned item may be returned.</summary>
    public DateOnly ReturnBy(DateOnly assignedOn) => assignedOn.AddDays(ReturnDays);

    public DateOnly RehandleDeadline(DateOnly feedbackOn) => feedbackOn.AddMonths(RehandleMonths);
}

public sealed record SuggestionInput(string? Number, string? Title, string? Representatives, string? RepresentativePhone, string? Session, string? Summary,
    DateOnly? ReceivedOn, string? RegionCode);

public sealed record AssignInput(DateOnly? AssignedOn, Guid? LeadUnitId, IReadOnlyList<Guid>? CoHandlerIds);

public sealed record DayInput(DateOnly? Day);

public sealed record ReturnInput(DateOnly? ReturnedOn, string? Reason);

public sealed record ExtendInput(string? Reason);

public sealed record OpinionInput(Guid? OrganizationId, DateOnly? OpinionOn, string? Opinion);

public sealed record ContactInput(string? Stage, DateOnly? ContactedOn, string? Way, string? Note);

public sealed record ReplyInput(DateOnly? RepliedOn, string? Classification, string? ReplyNumber, string? ContactName, string? ContactPhone);

public sealed record FeedbackInput(string? Satisfaction, DateOnly? FeedbackOn);

/// <summary>The suggestion rules, shared by the API and the pages; pure functions.</summary>
public static class SuggestionsRules
{
    public static readonly IReadOnlyDictionary<SuggestionStatus, string> StatusNames = new Dictionary<SuggestionStatus, string>
    {
        [SuggestionStatus.Received] = "已登记",
        [SuggestionStatus.Assigned] = "已交办",
        [SuggestionStatus.SignedFor] = "已签收",
        [SuggestionStatus.Handling] = "办理中",
        [SuggestionStatus.Replied] = "已答复",
        [SuggestionStatus.Evaluated] = "已反馈",
        [SuggestionStatus.Published] = "已公开",
    };

    public static readonly IReadOnlyDictionary<ReplyClass, string> ClassNames = new Dictionary<ReplyClass, string>
    {
        [ReplyClass.A] = "A类（已经解决或基本解决）",
        [ReplyClass.B] = "B类（正在解决或列入规划逐步解决）",
        [ReplyClass.C] = "C类（因条件限制待以后解决）",
        [ReplyClass.D] = "D类（留作参考）",
    };

    public static readonly IReadOnlyDictionary<Satisfaction, string> SatisfactionNames = new Dictionary<Satisfaction, string>
    {
        [Satisfaction.Satisfied] = "满意",
        [Satisfaction.FairlySatisfied] = "基本满意",
        [Satisfaction.Dissatisfied] = "不满意",
    };

    public static readonly IReadOnlyDictionary<ContactStage, string> StageNames = new Dictionary<ContactStage, string>
    {
        [ContactStage.Before] = "办理前",
        [ContactStage.During] = "办理中",
        [ContactStage.After] = "办理后",
    };

    /// <summary>Each action and the states it may start from (docs/rules/suggestions.md §2).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, SuggestionStatus[] From)> Actions = new Dictionary<string, (string, SuggestionStatus[])>
    {
        ["assign"] = ("交办", [SuggestionStatus.Received]),
        ["return"] = ("退回", [SuggestionStatus.Assigned, SuggestionStatus.SignedFor]),
        ["sign-for"] = ("签收", [SuggestionStatus.Assigned]),
        ["start"] = ("开始办理", [SuggestionStatus.SignedFor]),
        ["extend"] = ("延期", [SuggestionStatus.SignedFor, SuggestionStatus.Handling]),
        ["opinion"] = ("会办意见", [SuggestionStatus.Assigned, SuggestionStatus.SignedFor, SuggestionStatus.Handling]),
        ["contact"] = ("面商", [SuggestionStatus.Assigned, SuggestionStatus.SignedFor, SuggestionStatus.Handling, SuggestionStatus.Replied, SuggestionStatus.Evaluated]),
        ["reply"] = ("答复", [SuggestionStatus.Handling]),
        ["feedback"] = ("代表反馈", [SuggestionStatus.Replied]),
        ["publish"] = ("公开", [SuggestionStatus.Evaluated]),
    };

    /// <summary>409 suggestions.wrong-status when <paramref name="action"/> may not start from <paramref name="status"/>.</summary>
    public static void CheckAction(string action, SuggestionStatus status)
    {
        var (name, from) = Actions[action];
        if (!from.Contains(status))
        {
            throw new RuleException("suggestions.wrong-status",
                $"建议当前为“{StatusNames[status]}”，不能{name}（{string.Join("、", from.Select(s => StatusNames[s]))}时才能{name}）");
        }
    }

    /// <summary>The actions a suggestion in <paramref name="status"/> offers (the detail page's buttons).</summary>
    public static IReadOnlyList<string> ActionsFrom(SuggestionStatus status, bool extended) =>
        Actions.Where(a => a.Value.From.Contains(status) && !(a.Key == "extend" && extended)).Select(a => a.Key).ToList();

    /// <summary>Past the deadline and not yet answered (a term that ends today still runs today).</summary>
    public static bool Overdue(Suggestion s, DateOnly today) =>
        s.Deadline is { } d && today > d && s.Status is SuggestionStatus.Assigned or SuggestionStatus.SignedFor or SuggestionStatus.Handling;

    public static SuggestionFacts? Validate(SuggestionInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var number = errors.Text("number", "建议编号", input.Number, 30);
        var title = errors.Text("title", "建议标题", input.Title, 200);
        var representatives = errors.Text("representatives", "提出建议的代表", input.Representatives, 100);
        var phone = errors.Text("representativePhone", "代表联系电话", input.RepresentativePhone, 30, required: false);
        var session = errors.Text("session", "会议", input.Session, 50);
        var summary = errors.Text("summary", "建议内容摘要", input.Summary, 2000, required: false);
        NotAfter("receivedOn", "收到日期", input.ReceivedOn, today, errors);
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择代表团所在地区");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        return errors.Any ? null
            : new SuggestionFacts(region, number, title, representatives, Empty(phone), session, Empty(summary), input.ReceivedOn!.Value);
    }

    /// <summary>A day given, not after today and not before <paramref name="earliest"/> (the step it follows).</summary>
    public static DateOnly Day(string field, string label, DateOnly? day, DateOnly today, DateOnly? earliest, string? earliestLabel, FieldErrors errors)
    {
        NotAfter(field, label, day, today, errors);
        if (day is { } d && earliest is { } e && d < e)
        {
            errors.Add(field, $"{label}不能早于{earliestLabel}（{e:yyyy-MM-dd}）");
        }
        return day ?? default;
    }

    /// <summary>退回 only within the window after assignment; 409 suggestions.return-window-passed after it.</summary>
    public static void CheckReturn(DateOnly assignedOn, DateOnly returnedOn, SuggestionTerms terms)
    {
        var last = terms.ReturnBy(assignedOn);
        if (returnedOn > last)
        {
            throw new RuleException("suggestions.return-window-passed",
                $"交办之日起{terms.ReturnDays}日内（至{last:yyyy-MM-dd}）才能退回，已超过退回期限，请按程序申请调整");
        }
    }

    /// <summary>延期 once, with a reason: 409 suggestions.already-extended the second time.</summary>
    public static void CheckExtension(bool extended)
    {
        if (extended)
        {
            throw new RuleException("suggestions.already-extended", "答复期限只能延长一次，已延期的建议不能再次延期");
        }
    }

    /// <summary>The lead unit answers with every co-handler's opinion in hand (docs/rules/suggestions.md §3).</summary>
    public static void CheckOpinionsIn(IEnumerable<string> missing)
    {
        var names = missing.ToList();
        if (names.Count > 0)
        {
            throw new RuleException("suggestions.opinions-missing", $"尚未收到{string.Join("、", names)}的会办意见，主办单位答复时应说明会办单位的意见");
        }
    }

    public static ReplyFacts? ValidateReply(ReplyInput input, DateOnly today, DateOnly? earliest, FieldErrors errors)
    {
        Day("repliedOn", "答复日期", input.RepliedOn, today, earliest, "交办日期", errors);
        var classification = errors.Enum("classification", "答复分类", input.Classification, ClassNames);
        var number = errors.Text("replyNumber", "答复文号", input.ReplyNumber, 50, required: false);
        var name = errors.Text("contactName", "联系人", input.ContactName, 20);
        var phone = errors.Text("contactPhone", "联系电话", input.ContactPhone, 30);
        return errors.Any ? null : new ReplyFacts(input.RepliedOn!.Value, classification!.Value, Empty(number), name, phone);
    }

    public static ContactFacts? ValidateContact(ContactInput input, DateOnly today, DateOnly? earliest, FieldErrors errors)
    {
        var stage = errors.Enum("stage", "面商时机", input.Stage, StageNames);
        Day("contactedOn", "面商日期", input.ContactedOn, today, earliest, "交办日期", errors);
        var way = errors.Text("way", "面商方式", input.Way, 20);
        var note = errors.Text("note", "面商情况", input.Note, 1000, required: false);
        return errors.Any ? null : new ContactFacts(stage!.Value, input.ContactedOn!.Value, way, Empty(note));
    }

    private static void NotAfter(string field, string label, DateOnly? day, DateOnly today, FieldErrors errors)
    {
        if (day is not { } d)
        {
            errors.Add(field, $"请填写{label}");
        }
        else if (d > today)
        {
            errors.Add(field, $"{label}不能晚于今天");
        }
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
