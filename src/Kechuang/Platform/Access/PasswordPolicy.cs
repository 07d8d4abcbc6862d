using System.Security.Cryptography;

namespace Kechuang.Platform.Access;

/// <summary>等保 level 3: at least 8 characters from at least 3 of 4 classes (upper, lower, digit, symbol).</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "请填写密码";
        }
        if (password.Length < MinLength)
        {
            return $"密码至少{MinLength}位";
        }
        if (password.Length > 128)
        {
            return "密码不能超过128位";
        }
        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return classes < 3 ? "密码须包含大写字母、小写字母、数字、符号中的至少三类" : null;
    }

    /// <summary>A random 16-character password with all four classes, for first runs and resets.</summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!@#%^*-_=+";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }
}
