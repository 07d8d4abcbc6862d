using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

public sealed record AchievementInput(string? Title, Guid? OwnerOrganizationId, string? Field, IReadOnlyList<string>? Keywords, string? Maturity,
    string? LinkedIp, string? Description, decimal? ExpectedPrice, string? ContactName, string? ContactPhone);

public sealed record AchievementInputValid(string Title, Guid OwnerOrganizationId, string Field, IReadOnlyList<string> Keywords, Maturity Maturity,
    string? LinkedIp, string Description, long? ExpectedPriceFen, string? ContactName, string? ContactPhone);

public static class AchievementRules
{
    public const string KeywordSeparator = "；";

    /// <summary>技术领域 as the provincial market lists them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["智能装备", "先进制造", "生命健康", "新材料", "电子信息", "现代农业", "节能环保", "新能源", "文化创意", "其他"];

    public static readonly IReadOnlyDictionary<Maturity, string> MaturityNames = new Dictionary<Maturity, string>
    {
        [Maturity.Concept] = "概念验证",
        [Maturity.Laboratory] = "实验室阶段",
        [Maturity.Pilot] = "中试阶段",
        [Maturity.SmallBatch] = "小批量生产",
        [Maturity.Industrialized] = "产业化",
    };

    public static readonly IReadOnlyDictionary<AchievementStatus, string> StatusNames = new Dictionary<AchievementStatus, string>
    {
        [AchievementStatus.Listed] = "挂牌中",
        [AchievementStatus.InAuction] = "拍卖中",
        [AchievementStatus.Sold] = "已成交",
        [AchievementStatus.Withdrawn] = "已撤回",
    };

    public static IReadOnlyList<string> SplitKeywords(string keywords) =>
        keywords.Split([KeywordSeparator, ";", "，", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static AchievementInputValid? Validate(AchievementInput input, FieldErrors errors)
    {
        var title = errors.Text("title", "成果名称", input.Title, 200);
        if (input.OwnerOrganizationId is null || input.OwnerOrganizationId == Guid.Empty)
        {
            errors.Add("ownerOrganizationId", "请选择成果所有单位");
        }
        var field = input.Field?.Trim() ?? "";
        if (field.Length == 0)
        {
            errors.Add("field", "请选择技术领域");
        }
        else if (!Fields.Contains(field))
        {
            errors.Add("field", $"技术领域取值无效，可选：{string.Join("、", Fields)}");
        }
        var keywords = (input.Keywords ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct().ToList();
        if (keywords.Count > 10)
        {
            errors.Add("keywords", "关键词不能超过10个");
        }
        if (keywords.Any(k => k.Length > 20 || k.Contains(KeywordSeparator, StringComparison.Ordinal)))
        {
            errors.Add("keywords", "每个关键词不能超过20个字符，且不能含“；”");
        }
        var maturity = string.IsNullOrWhiteSpace(input.Maturity)
            ? Market.Maturity.Laboratory
            : errors.Enum("maturity", "成熟度", input.Maturity, MaturityNames) ?? Market.Maturity.Laboratory;
        var linkedIp = errors.Text("linkedIp", "关联知识产权", input.LinkedIp, 500, required: false);
        var description = errors.Text("description", "成果简介", input.Description, 4000);
        long? expected = null;
        if (input.ExpectedPrice is { } price)
        {
            if (price <= 0 || !Money.HasAtMostTwoDecimals(price) || price > 100_000_000_000m)
            {
                errors.Add("expectedPrice", "意向价格须为正数（元），最多两位小数");
            }
            else
            {
                expected = Money.ToFen(price);
            }
        }
        var contactName = errors.Text("contactName", "联系人", input.ContactName, 50, required: false);
        var contactPhone = errors.Text("contactPhone", "联系电话", input.ContactPhone, 20, required: false);
        return errors.Any ? null : new AchievementInputValid(title, input.OwnerOrganizationId!.Value, field, keywords, maturity,
            linkedIp.Length == 0 ? null : linkedIp, description, expected, contactName.Length == 0 ? null : contactName, contactPhone.Length == 0 ? null : contactPhone);
    }

    /// <summary>The owner is an institution or enterprise of the directory.</summary>
    public static void CheckOwner(OrganizationInfo? owner, FieldErrors errors)
    {
        if (owner is null || owner.Kind is not (OrganizationKind.Institution or OrganizationKind.Enterprise))
        {
            errors.Add("ownerOrganizationId", "成果所有单位须为名录中的高校院所或企业");
        }
    }

    /// <summary>An achievement in an auction or sold stays on the market.</summary>
    public static void EnsureMayWithdraw(Achievement achievement)
    {
        if (achievement.Status is AchievementStatus.InAuction or AchievementStatus.Sold)
        {
            throw new RuleException("market.achievement-in-auction", "拍卖中或已成交的成果不能撤回");
        }
    }
}
