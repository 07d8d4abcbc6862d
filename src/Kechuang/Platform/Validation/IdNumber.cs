using System.Globalization;

namespace Kechuang.Platform.Validation;

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence and a check
/// character from ISO 7064 MOD 11-2 (0–9 or X).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    public static string? Problem(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "请填写身份证号码";
        }
        var value = number.Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            return $"身份证号码应为18位，当前为{value.Length}位";
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"身份证号码第{i + 1}位应为数字";
            }
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return "身份证号码中的出生日期（第7至14位）无效";
        }
        var expected = CheckCharacter(value.AsSpan(0, 17));
        return value[17] == expected ? null : $"身份证号码校验位错误：第18位应为“{expected}”，实际为“{value[17]}”";
    }

    public static bool IsValid(string? number) => Problem(number) is null;

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return Checks[sum % 11];
    }
}
