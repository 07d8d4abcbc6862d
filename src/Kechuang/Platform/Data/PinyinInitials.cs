using System.Text;

namespace Kechuang.Platform.Data;

/// <summary>
/// 拼音首字母 of a name, for searching lists by what a clerk types ("zjsxg" finds 浙江寿仙谷医药股份有限公司).
/// Level-1 hanzi of GB 2312 are ordered by pinyin, so the first character of each letter's block gives
/// the letter; level-2 hanzi are ordered by radical and need the small table below
/// (docs/adr/012-pinyin-initials.md). Latin letters and digits are kept (lower case); anything else is dropped.
/// </summary>
public static class PinyinInitials
{
    /// <summary>The first level-1 character of each initial's block; no level-1 syllable starts with i, u or v.</summary>
    private const string BlockStarts = "啊芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝";
    private const string BlockLetters = "abcdefghjklmnopqrstwxyz";

    /// <summary>Level-1 ends at 座 (0xD7F9); anything after it is level 2.</summary>
    private const int LevelOneEnd = 0xD7F9;

    /// <summary>
    /// Level-2 and GBK-only characters that occur in organisation and place names of the province, with their initial.
    /// Add to it when a clerk reports a name that the search misses.
    /// </summary>
    private static readonly Dictionary<char, char> Extra = Table(
        ("a", "岙"), ("b", "蓓璧"), ("c", "铖琛宸"), ("g", "锆"), ("h", "昊灏泓骅晖皓珩桦"), ("j", "珈璟泾瑾珺茭"),
        ("k", "珂"), ("l", "溧锂珑琳"), ("m", "淼旻"), ("n", "楠"), ("o", "瓯"), ("p", "濮"), ("q", "衢琪琦邛祺"),
        ("r", "睿"), ("s", "嵊晟畲昇"), ("t", "钛"), ("w", "婺炜"), ("x", "鑫昕"), ("y", "懿翊焱毓钰煜玥浥怡鄞祎昱"),
        ("z", "喆"));

    private static readonly Encoding Gb = CreateEncoding();
    private static readonly int[] Starts = BlockStarts.Select(Code).ToArray();

    /// <summary>武义县 → wyx; 浙江寿仙谷医药股份有限公司 → zjsxgyygfyxgs; "ABC科技" → abckj.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
            else if (c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or >= '０' and <= '９')
            {
                // Full-width letters and digits typed with a Chinese input method.
                result.Append(char.ToLowerInvariant((char)(c - 0xFEE0)));
            }
            else if (Initial(c) is { } initial)
            {
                result.Append(initial);
            }
        }
        return result.ToString();
    }

    private static char? Initial(char c)
    {
        if (Extra.TryGetValue(c, out var listed))
        {
            return listed;
        }
        if (c < 0x4E00 || c > 0x9FFF)
        {
            return null;
        }
        var code = Code(c);
        // Level 1 is rows 0xB0–0xD7 with trail bytes 0xA1–0xFE; GBK's extra characters share the lead bytes with lower trail bytes.
        if (code < Starts[0] || code > LevelOneEnd || (code & 0xFF) < 0xA1)
        {
            return null;
        }
        var block = Array.BinarySearch(Starts, code);
        return BlockLetters[block >= 0 ? block : ~block - 1];
    }

    private static int Code(char c)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = Gb.GetBytes([c], bytes);
        return count == 2 ? (bytes[0] << 8) | bytes[1] : 0;
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }

    private static Dictionary<char, char> Table(params (string Letter, string Characters)[] rows) =>
        rows.SelectMany(r => r.Characters.Select(c => (c, r.Letter[0]))).ToDictionary(p => p.c, p => p.Item2);
}
