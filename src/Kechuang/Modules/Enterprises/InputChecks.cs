using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

/// <summary>Field checks shared by the evaluation requests, yearly records and imports (Chinese messages).</summary>
internal static class InputChecks
{
    /// <summary>An amount in yuan: required unless a default is given, at most two decimals, not negative unless allowed.</summary>
    public static decimal Amount(this FieldErrors errors, string field, string label, decimal? value, decimal? fallback = null, bool allowNegative = false)
    {
        if (value is not { } amount)
        {
            if (fallback is { } f)
            {
                return f;
            }
            errors.Add(field, $"请填写{label}（元）");
            return 0m;
        }
        if (!allowNegative && amount < 0m)
        {
            errors.Add(field, $"{label}不能为负数");
        }
        else if (!Money.HasAtMostTwoDecimals(amount))
        {
            errors.Add(field, $"{label}最多保留两位小数（单位：元）");
        }
        else if (Math.Abs(amount) > 1_000_000_000_000m)
        {
            errors.Add(field, $"{label}超出合理范围");
        }
        return amount;
    }

    public static int Count(this FieldErrors errors, string field, string label, int? value, int? fallback = null, int max = 10_000_000)
    {
        if (value is not { } count)
        {
            if (fallback is { } f)
            {
                return f;
            }
            errors.Add(field, $"请填写{label}");
            return 0;
        }
        if (count < 0)
        {
            errors.Add(field, $"{label}不能为负数");
        }
        else if (count > max)
        {
            errors.Add(field, $"{label}不能超过{max}");
        }
        return count;
    }

    public static decimal Headcount(this FieldErrors errors, string field, string label, decimal? value)
    {
        if (value is not { } count)
        {
            errors.Add(field, $"请填写{label}");
            return 0m;
        }
        if (count < 0m)
        {
            errors.Add(field, $"{label}不能为负数");
        }
        else if (count > 10_000_000m)
        {
            errors.Add(field, $"{label}超出合理范围");
        }
        return count;
    }

    public static bool Flag(this FieldErrors errors, string field, string label, bool? value, bool? fallback = null)
    {
        if (value is { } flag)
        {
            return flag;
        }
        if (fallback is { } f)
        {
            return f;
        }
        errors.Add(field, $"请选择{label}（是/否）");
        return false;
    }

    public static int Year(this FieldErrors errors, string field, int? value)
    {
        if (value is not { } year)
        {
            errors.Add(field, "请填写年度");
            return 0;
        }
        if (year is < 1990 or > 2100)
        {
            errors.Add(field, "年度应在1990—2100之间");
        }
        return year;
    }

    /// <summary>GB/T 4754 国民经济行业分类代码 (a section letter is optional): C3973, 3973, C39.</summary>
    public static string IndustryCode(this FieldErrors errors, string field, string? value, bool required = true)
    {
        var code = (value ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "请填写所属行业代码（国民经济行业分类 GB/T 4754，如 C3973）");
            }
            return "";
        }
        if (TechSmeRules.Division(code) is null)
        {
            errors.Add(field, "行业代码应为国民经济行业分类（GB/T 4754）代码，如 C3973");
        }
        return code;
    }
}
