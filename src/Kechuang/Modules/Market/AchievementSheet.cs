using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>The achievement sheet's columns, shared by import, export and the template (an export re-imports).</summary>
public static class AchievementSheet
{
    public const string Title = "成果名称";
    public const string Owner = "所有单位";
    public const string Field = "技术领域";
    public const string Keywords = "关键词";
    public const string Maturity = "成熟度";
    public const string LinkedIp = "关联知识产权";
    public const string Description = "成果简介";
    public const string ExpectedPrice = "意向价格（元）";
    public const string ContactName = "联系人";
    public const string ContactPhone = "联系电话";

    public static readonly string[] Headers = [Title, Owner, Field, Keywords, Maturity, LinkedIp, Description, ExpectedPrice, ContactName, ContactPhone];

    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["title"] = Title,
        ["ownerOrganizationId"] = Owner,
        ["field"] = Field,
        ["keywords"] = Keywords,
        ["maturity"] = Maturity,
        ["linkedIp"] = LinkedIp,
        ["description"] = Description,
        ["expectedPrice"] = ExpectedPrice,
        ["contactName"] = ContactName,
        ["contactPhone"] = ContactPhone,
    };

    public static IDictionary<string, object?> Row(AchievementDto a) => new Dictionary<string, object?>
    {
        [Title] = a.Title,
        [Owner] = a.OwnerName,
        [Field] = a.Field,
        [Keywords] = string.Join(AchievementRules.KeywordSeparator, a.Keywords),
        [Maturity] = a.MaturityName,
        [LinkedIp] = a.LinkedIp,
        [Description] = a.Description,
        [ExpectedPrice] = a.ExpectedPrice,
        [ContactName] = a.ContactName,
        [ContactPhone] = a.ContactPhone,
    };
}

/// <summary>Imports achievements from .xlsx, all or nothing; each row's owner is found by name and must be the caller's own organisation unless staff.</summary>
public sealed class ImportAchievementsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var rows = ExcelFile.Read(file).ToList();
        var bad = new List<ImportRowError>();
        var good = new List<Achievement>();
        foreach (var (row, cells) in rows)
        {
            var ownerName = ExcelFile.Text(cells, AchievementSheet.Owner);
            var owner = string.IsNullOrEmpty(ownerName) ? null : await directory.FindByNameAsync(ownerName, cancellationToken);
            var errors = new FieldErrors();
            decimal? price = null;
            var priceText = ExcelFile.Text(cells, AchievementSheet.ExpectedPrice);
            if (!string.IsNullOrEmpty(priceText))
            {
                if (decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                {
                    price = p;
                }
                else
                {
                    errors.Add("expectedPrice", "意向价格须为数字（元）");
                }
            }
            var input = new AchievementInput(ExcelFile.Text(cells, AchievementSheet.Title), owner?.Id, ExcelFile.Text(cells, AchievementSheet.Field),
                AchievementRules.SplitKeywords(ExcelFile.Text(cells, AchievementSheet.Keywords) ?? ""), ExcelFile.Text(cells, AchievementSheet.Maturity),
                ExcelFile.Text(cells, AchievementSheet.LinkedIp), ExcelFile.Text(cells, AchievementSheet.Description), price,
                ExcelFile.Text(cells, AchievementSheet.ContactName), ExcelFile.Text(cells, AchievementSheet.ContactPhone));
            var valid = AchievementRules.Validate(input, errors);
            if (owner is not null && owner.Kind is not (OrganizationKind.Institution or OrganizationKind.Enterprise))
            {
                errors.Add("ownerOrganizationId", "成果所有单位须为高校院所或企业");
            }
            else if (owner is null && !string.IsNullOrEmpty(ownerName))
            {
                errors.Add("ownerOrganizationId", $"组织名录中没有“{ownerName}”");
            }
            else if (owner is not null && !MarketAccess.IsStaff(db.User) && db.User.OrganizationId != owner.Id)
            {
                errors.Add("ownerOrganizationId", "只能导入本单位的科技成果");
            }
            if (errors.Any || valid is null)
            {
                bad.AddRange(errors.ToDictionary().SelectMany(e => e.Value.Select(m =>
                    new ImportRowError(row, AchievementSheet.ColumnOfField.GetValueOrDefault(e.Key, e.Key), m))));
                continue;
            }
            var achievement = new Achievement(owner!.Id, owner.Name, owner.RegionCode, MarketAccess.ListingRegion(db.User, owner.RegionCode), db.UtcNow);
            achievement.Update(valid, db.UtcNow);
            good.Add(achievement);
        }
        if (bad.Count > 0)
        {
            throw new ImportRowsException(bad);
        }
        if (good.Count == 0)
        {
            throw InputException.For("file", "文件中没有数据行");
        }
        db.AddRange(good);
        await db.SaveChangesAsync(cancellationToken);
        return good.Count;
    }
}
