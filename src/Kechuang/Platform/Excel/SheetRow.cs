using System.Globalization;
using System.Runtime.CompilerServices;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Excel;

/// <summary>
/// One data row of an uploaded sheet: its Excel row number (the header is row 1) and its cells by declared column,
/// as <see cref="XlsxRows"/> reads them (text as <see cref="string"/>, numbers as <see cref="double"/>, date-formatted
/// numbers as <see cref="DateTime"/>, booleans as <see cref="bool"/>, empty as null). The typed readers report an
/// unreadable cell under the column's first field, in Chinese, and answer null.
/// </summary>
public sealed class SheetRow
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];

    private readonly object?[] _cells;

    internal SheetRow(int number, object?[] cells)
    {
        Number = number;
        _cells = cells;
    }

    public int Number { get; }

    public object? this[SheetColumn column] => _cells[column.Index];

    /// <summary>
    /// The cell as trimmed text (numbers as written, invariant), or null when empty. Text an export wrote behind an
    /// apostrophe because it starts like a formula (<see cref="ExcelFile.Neutralised"/>) is read without it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Text(SheetColumn column) => _cells[column.Index] switch
    {
        null => null,
        string s when s.Length > 1 && s[0] == '\'' && ExcelFile.StartsLikeAFormula(s[1]) => s[1..].Trim(),
        string s => s.Length == 0 || (!char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1])) ? s : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim(),
    };

    /// <summary>A date: a date-formatted cell, an Excel serial number, or text such as 2023-05-14, 2023/5/14, 2023年5月14日.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly? Date(SheetColumn column, FieldErrors errors)
    {
        switch (_cells[column.Index])
        {
            case null:
                return null;
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case double serial when serial is > 1 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = Text(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (IsoDay(text) is { } day)
        {
            return day;
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out exact))
        {
            return DateOnly.FromDateTime(exact);
        }
        Report(column, errors, $"{column.Header}“{text}”不是有效日期，请按 2023-05-14 的格式填写");
        return null;
    }

    /// <summary>
    /// 2023-05-14 exactly, the form the template asks for, read without the general parser (a sheet of 200,000 rows has
    /// as many dates); anything else, an impossible day included, is left to it.
    /// </summary>
    private static DateOnly? IsoDay(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }
        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

        static int Digits(string text, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return -1;
                }
                value = (value * 10) + (text[i] - '0');
            }
            return value;
        }
    }

    /// <summary>A number (amounts in 元): a number cell, or text with thousands separators (1,234.50 or 1，234.50).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public decimal? Numeric(SheetColumn column, FieldErrors errors)
    {
        switch (_cells[column.Index])
        {
            case null:
                return null;
            case double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27:
                // Excel keeps numbers as doubles: up to 15 significant digits they convert exactly.
                var m = (decimal)d;
                return decimal.Round(m, 2) == m ? m : decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        var text = Text(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var plain = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (decimal.TryParse(plain, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Report(column, errors, $"{column.Header}“{text}”不是数字");
        return null;
    }

    /// <summary>A whole number (counts, years).</summary>
    public int? WholeNumber(SheetColumn column, FieldErrors errors)
    {
        var probe = new FieldErrors();
        var value = Numeric(column, probe);
        if (probe.Any || (value is { } v && (v != decimal.Truncate(v) || Math.Abs(v) >= int.MaxValue)))
        {
            Report(column, errors, $"{column.Header}应为整数");
            return null;
        }
        return value is null ? null : (int)value.Value;
    }

    /// <summary>是/否 (also true/false, 1/0).</summary>
    public bool? YesNo(SheetColumn column, FieldErrors errors)
    {
        if (_cells[column.Index] is bool b)
        {
            return b;
        }
        switch (Text(column))
        {
            case null or "":
                return null;
            case "是" or "true" or "True" or "TRUE" or "1":
                return true;
            case "否" or "false" or "False" or "FALSE" or "0":
                return false;
            default:
                Report(column, errors, $"{column.Header}请填写“是”或“否”");
                return null;
        }
    }

    private static void Report(SheetColumn column, FieldErrors errors, string message) =>
        errors.Add(column.Fields.Count > 0 ? column.Fields[0] : column.Header, message);
}
