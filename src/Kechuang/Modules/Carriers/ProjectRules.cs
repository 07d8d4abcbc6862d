using System.Globalization;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A construction project as the form and the API send it.</summary>
public sealed record ProjectInput(string? Name, string? RegionCode, Guid? CarrierId, Guid? ParcelId);

/// <summary>A milestone's dates as the form and the API send them.</summary>
public sealed record MilestoneInput(DateOnly? PlannedOn, DateOnly? ActualOn);

/// <summary>A monthly progress report: the month as <c>yyyy-MM</c>, the share done in per cent.</summary>
public sealed record ProgressInput(string? Month, decimal? Percent, string? Note);

/// <summary>A construction project's rules, its milestones' and its progress reports'; pure functions.</summary>
public static class ProjectRules
{
    public const int NameMax = 100;
    public const int NoteMax = 200;

    public static readonly IReadOnlyDictionary<MilestoneKind, string> MilestoneNames = new Dictionary<MilestoneKind, string>
    {
        [MilestoneKind.DesignTender] = "方案设计招标",
        [MilestoneKind.Groundbreaking] = "开工",
        [MilestoneKind.Topping] = "主体结顶",
        [MilestoneKind.Completion] = "竣工",
        [MilestoneKind.Delivery] = "交付",
    };

    public static ProjectFacts? Validate(ProjectInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        var name = errors.Text("name", "项目名称", input.Name, NameMax);
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择项目所在行政区划");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        return errors.Any ? null : new ProjectFacts(name, region, input.CarrierId, input.ParcelId);
    }

    /// <summary>A milestone needs a planned or an actual day; it cannot have been reached after today.</summary>
    public static MilestoneDates? ValidateMilestone(MilestoneInput input, DateOnly today, FieldErrors errors)
    {
        if (input.PlannedOn is null && input.ActualOn is null)
        {
            errors.Add("plannedOn", "请填写计划日期或实际完成日期");
        }
        if (input.ActualOn > today)
        {
            errors.Add("actualOn", "实际完成日期不能晚于今天");
        }
        return errors.Any ? null : new MilestoneDates(input.PlannedOn, input.ActualOn);
    }

    /// <summary>
    /// Milestones are reached in their order: a milestone with an actual day needs every earlier milestone the project
    /// records to have been reached, on that day or before. Null when the milestones agree.
    /// </summary>
    public static RuleException? CheckOrder(IReadOnlyDictionary<MilestoneKind, MilestoneDates> milestones)
    {
        foreach (var (kind, dates) in milestones.Where(m => m.Value.ActualOn is not null).OrderBy(m => m.Key))
        {
            foreach (var (earlier, before) in milestones.Where(m => m.Key < kind).OrderBy(m => m.Key))
            {
                if (before.ActualOn is not { } reached)
                {
                    return new RuleException("carriers.milestone-order", $"“{MilestoneNames[earlier]}”尚未完成，不能登记“{MilestoneNames[kind]}”的实际日期");
                }
                if (reached > dates.ActualOn)
                {
                    return new RuleException("carriers.milestone-order",
                        $"“{MilestoneNames[kind]}”的实际日期 {dates.ActualOn:yyyy-MM-dd} 早于“{MilestoneNames[earlier]}”的 {reached:yyyy-MM-dd}");
                }
            }
        }
        return null;
    }

    /// <summary>The month (its first day), the per cent (0–100, one decimal) and the note; a month after this one is refused.</summary>
    public static (DateOnly? Month, decimal? Percent, string? Note) ValidateProgress(ProgressInput input, DateOnly today, FieldErrors errors)
    {
        DateOnly? month = null;
        if (string.IsNullOrWhiteSpace(input.Month))
        {
            errors.Add("month", "请填写填报月份");
        }
        else if (!DateOnly.TryParseExact(input.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 1990)
        {
            errors.Add("month", "填报月份格式应为 yyyy-MM，如 2023-12");
        }
        else if (first > new DateOnly(today.Year, today.Month, 1))
        {
            errors.Add("month", "填报月份不能晚于本月");
        }
        else
        {
            month = first;
        }
        if (input.Percent is not { } percent)
        {
            errors.Add("percent", "请填写工程形象进度");
        }
        else if (percent is < 0 or > 100)
        {
            errors.Add("percent", "工程形象进度应在0%至100%之间");
        }
        else if (decimal.Round(percent, 1) != percent)
        {
            errors.Add("percent", "工程形象进度最多保留一位小数");
        }
        var note = errors.Text("note", "说明", input.Note, NoteMax, required: false);
        return (month, input.Percent, note.Length == 0 ? null : note);
    }

    /// <summary>
    /// A report fits the history: one per month, never below an earlier month's nor above a later month's, and above 0 only
    /// from the month the project broke ground (<paramref name="groundbreaking"/>, its 开工 actual day). Null when it fits.
    /// </summary>
    public static RuleException? CheckProgress(DateOnly month, decimal percent, IReadOnlyCollection<(DateOnly Month, decimal Percent)> history, DateOnly? groundbreaking)
    {
        if (history.Any(h => h.Month == month))
        {
            return MonthExists(month);
        }
        if (history.Where(h => h.Month < month).Select(h => h.Percent).DefaultIfEmpty(0m).Max() is var before && percent < before)
        {
            return new RuleException("carriers.progress-decrease", $"工程形象进度不能低于此前月份已填报的 {before.ToString("0.#", CultureInfo.InvariantCulture)}%");
        }
        if (history.Where(h => h.Month > month).Select(h => h.Percent).DefaultIfEmpty(100m).Min() is var after && percent > after)
        {
            return new RuleException("carriers.progress-decrease", $"工程形象进度不能高于此后月份已填报的 {after.ToString("0.#", CultureInfo.InvariantCulture)}%");
        }
        return CheckStart(groundbreaking, [(month, percent)]);
    }

    /// <summary>Progress above 0 needs the project to have broken ground in that month or before.</summary>
    public static RuleException? CheckStart(DateOnly? groundbreaking, IEnumerable<(DateOnly Month, decimal Percent)> reports)
    {
        var early = reports.Where(r => r.Percent > 0 && (groundbreaking is not { } day || new DateOnly(day.Year, day.Month, 1) > r.Month))
            .OrderBy(r => r.Month).Select(r => (DateOnly?)r.Month).FirstOrDefault();
        return early is { } month
            ? new RuleException("carriers.progress-before-start", groundbreaking is null
                ? "项目尚未登记开工实际日期，工程形象进度只能为0%"
                : $"{month:yyyy-MM} 早于开工月份，该月工程形象进度只能为0%")
            : null;
    }

    public static RuleException MonthExists(DateOnly month) =>
        new("carriers.progress-month-exists", $"{month:yyyy-MM} 已填报工程形象进度");

    /// <summary>Two first saves of one milestone at once: the unique index keeps one, the other is told to look again.</summary>
    public static RuleException MilestoneSavedMeanwhile(MilestoneKind kind) =>
        new("carriers.milestone-saved-meanwhile", $"“{MilestoneNames[kind]}”刚由他人登记，请刷新后核对再修改");
}
