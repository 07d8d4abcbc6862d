using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A tenancy's rules, shared by the form, the API and the import; pure functions.</summary>
public static class TenancyRules
{
    public static (TenancyKind? Kind, DateOnly? EnteredOn, DateOnly? LeftOn) Validate(string? kindText, DateOnly? enteredOn, DateOnly? leftOn, DateOnly today, FieldErrors errors,
        bool reportMissingEntry = true)
    {
        var kind = errors.Enum("kind", "入驻类型", kindText, TenancyKinds.Names);
        if (enteredOn is null)
        {
            if (reportMissingEntry)
            {
                errors.Add("enteredOn", "请填写入驻（注册）日期");
            }
        }
        else if (enteredOn > today)
        {
            errors.Add("enteredOn", "入驻（注册）日期不能晚于今天");
        }
        if (leftOn is { } left)
        {
            if (left > today)
            {
                errors.Add("leftOn", "迁出日期不能晚于今天");
            }
            else if (enteredOn is { } entered && left < entered)
            {
                errors.Add("leftOn", "迁出日期不能早于入驻（注册）日期");
            }
        }
        return (kind, enteredOn, leftOn);
    }

    /// <summary>
    /// The tenant: named by id or by credit code (<paramref name="named"/>), it must be in the directory (<paramref name="enterprise"/>
    /// found) and an enterprise.
    /// </summary>
    public static void CheckTenant(OrganizationInfo? enterprise, bool named, FieldErrors errors)
    {
        if (!named)
        {
            errors.Add("enterpriseId", "请选择企业");
        }
        else if (enterprise is null)
        {
            errors.Add("enterpriseId", "企业不存在，请先在组织名录中登记");
        }
        else if (enterprise.Kind != OrganizationKind.Enterprise)
        {
            errors.Add("enterpriseId", $"{enterprise.Name} 不是企业，只能登记企业入驻");
        }
    }

    /// <summary>迁出: a day is required, and not in the future.</summary>
    public static DateOnly? ValidateEnd(DateOnly? leftOn, DateOnly today, FieldErrors errors)
    {
        if (leftOn is null)
        {
            errors.Add("leftOn", "请填写迁出日期");
        }
        else if (leftOn > today)
        {
            errors.Add("leftOn", "迁出日期不能晚于今天");
        }
        return leftOn;
    }

    /// <summary>Two stays of one enterprise in one carrier and of one kind may not share a day.</summary>
    public static bool Overlap(DateOnly entered1, DateOnly? left1, DateOnly entered2, DateOnly? left2) =>
        entered1 <= (left2 ?? DateOnly.MaxValue) && entered2 <= (left1 ?? DateOnly.MaxValue);

    public static RuleException OverlapProblem(string enterprise, TenancyKind kind) =>
        new("carriers.tenancy-overlap", $"{enterprise} 在该载体已有时间重叠的{TenancyKinds.Names[kind]}记录");
}
