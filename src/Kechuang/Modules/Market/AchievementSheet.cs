using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>The achievement sheet's columns, shared by import, export and the template (an export re-imports).</summary>
public static class AchievementSheet
{
    public static readonly SheetColumn Title = new("成果名称", "title");
    public static readonly SheetColumn Owner = new("所有单位", "ownerOrganizationId");
    public static readonly SheetColumn Field = new("技术领域", "field");
    public static readonly SheetColumn Keywords = new("关键词", "keywords");
    public static readonly SheetColumn Maturity = new("成熟度", "maturity");
    public static readonly SheetColumn LinkedIp = new("关联知识产权", "linkedIp");
    public static readonly SheetColumn Description = new("成果简介", "description");
    public static readonly SheetColumn ExpectedPrice = new("意向价格（元）", "expectedPrice");
    public static readonly SheetColumn ContactName = new("联系人", "contactName");
    public static readonly SheetColumn ContactPhone = new("联系电话", "contactPhone");

    public static readonly ImportSheet Sheet = new("科技成果导入模板.xlsx", "market_achievement",
        Title, Owner, Field, Keywords, Maturity, LinkedIp, Description, ExpectedPrice, ContactName, ContactPhone);

    public static readonly ExportSheet<AchievementDto> Export = Sheet.Export<AchievementDto>("科技成果.xlsx", new()
    {
        [Title] = a => a.Title,
        [Owner] = a => a.OwnerName,
        [Field] = a => a.Field,
        [Keywords] = a => string.Join(AchievementRules.KeywordSeparator, a.Keywords),
        [Maturity] = a => a.MaturityName,
        [LinkedIp] = a => a.LinkedIp,
        [Description] = a => a.Description,
        [ExpectedPrice] = a => a.ExpectedPrice,
        [ContactName] = a => a.ContactName,
        [ContactPhone] = a => a.ContactPhone,
    });
}

/// <summary>
/// Imports achievements from .xlsx through the import kit, all or nothing; each row's owner is found by name among the
/// organisations the caller sees, and must be the caller's own organisation unless staff.
/// </summary>
public sealed class ImportAchievementsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<Achievement>(db)
{
    private Dictionary<string, OrganizationInfo> _owners = [];

    protected override ImportSheet Sheet => AchievementSheet.Sheet;

    protected override Platform.Access.Permission Permission => MarketPermissions.CreateAchievement;

    protected override async Task PrepareAsync(CancellationToken cancellationToken) =>
        _owners = (await directory.ListAsync(cancellationToken: cancellationToken)).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    protected override Achievement? Read(SheetRow row, FieldErrors errors)
    {
        var ownerName = row.Text(AchievementSheet.Owner);
        var owner = string.IsNullOrEmpty(ownerName) ? null : _owners.GetValueOrDefault(ownerName);
        var price = row.Numeric(AchievementSheet.ExpectedPrice, errors);
        var input = new AchievementInput(row.Text(AchievementSheet.Title), owner?.Id, row.Text(AchievementSheet.Field),
            AchievementRules.SplitKeywords(row.Text(AchievementSheet.Keywords) ?? ""), row.Text(AchievementSheet.Maturity),
            row.Text(AchievementSheet.LinkedIp), row.Text(AchievementSheet.Description), price,
            row.Text(AchievementSheet.ContactName), row.Text(AchievementSheet.ContactPhone));
        var valid = AchievementRules.Validate(input, errors);
        if (owner is not null && owner.Kind is not (OrganizationKind.Institution or OrganizationKind.Enterprise))
        {
            errors.Add("ownerOrganizationId", "成果所有单位须为高校院所或企业");
        }
        else if (owner is null && !string.IsNullOrEmpty(ownerName))
        {
            errors.Add("ownerOrganizationId", $"组织名录中没有“{ownerName}”");
        }
        else if (owner is not null && !MarketAccess.IsStaff(Db.User) && Db.User.OrganizationId != owner.Id)
        {
            errors.Add("ownerOrganizationId", "只能导入本单位的科技成果");
        }
        if (errors.Any || valid is null)
        {
            return null;
        }
        var achievement = new Achievement(owner!.Id, owner.Name, owner.RegionCode, MarketAccess.ListingRegion(Db.User, owner.RegionCode), Db.UtcNow);
        achievement.Update(valid, Db.UtcNow);
        return achievement;
    }
}
