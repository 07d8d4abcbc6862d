namespace Kechuang.Platform.Validation;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, S, V, Z);
/// characters 3–8 are the GB/T 2260 region code; the 18th is a check character computed modulo 31.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Returns null when the code is valid, else a Chinese message naming the problem.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "请填写统一社会信用代码";
        }
        var value = code.Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            return $"统一社会信用代码应为18位，当前为{value.Length}位";
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (Alphabet.IndexOf(value[i], StringComparison.Ordinal) < 0)
            {
                return $"统一社会信用代码第{i + 1}位“{value[i]}”不是允许的字符（不使用 I、O、S、V、Z）";
            }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return "统一社会信用代码第3至8位应为行政区划代码（数字）";
            }
        }
        var expected = CheckCharacter(value.AsSpan(0, 17));
        return value[17] == expected
            ? null
            : $"统一社会信用代码校验位错误：第18位应为“{expected}”，实际为“{value[17]}”";
    }

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The check character for the first 17 characters (which must be from the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
