using System.Globalization;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kechuang.Platform.Excel;

/// <summary>
/// What an .xlsx import reads at most, beside the upload limit (<see cref="ImportUpload"/>): a few MB of zip can
/// inflate to gigabytes of XML, one cell can hold a gigabyte of text, a sheet can hold a million rows each wrong in
/// every column. Each limit is configurable under <c>Imports</c>; a file over one is refused as a 400 on <c>file</c>
/// with a Chinese message naming the limit, while it is read, so the server never holds more than a few chunks of it.
/// </summary>
public sealed record ImportLimits
{
    public const string MaxInflatedSetting = "Imports:MaxInflatedMegabytes";
    public const string MaxRowsSetting = "Imports:MaxRows";
    public const string MaxCellSetting = "Imports:MaxCellCharacters";
    public const string MaxErrorsSetting = "Imports:MaxReportedErrors";

    /// <summary>
    /// The defaults: 256 MB of XML (a 200,000-row contract sheet as the export writes it inflates to about 170 MB), 200,000
    /// data rows (the contract import's benchmark size), Excel's own cell limit, 1,000 reported errors.
    /// </summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>The XML the file's parts (workbook, styles, shared strings, worksheet) may inflate to together, counted as it is inflated.</summary>
    public int MaxInflatedMegabytes { get; init; } = 256;

    /// <summary>Data rows (the header row and blank rows not counted).</summary>
    public int MaxRows { get; init; } = 200_000;

    /// <summary>Characters of one cell: 32,767 is what Excel itself lets a cell hold.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>Bad cells listed in the 400; the answer also gives how many there are in all.</summary>
    public int MaxReportedErrors { get; init; } = 1_000;

    public long MaxInflatedBytes => MaxInflatedMegabytes * 1024L * 1024L;

    public static ImportLimits From(IConfiguration configuration) => new()
    {
        MaxInflatedMegabytes = Positive(configuration, MaxInflatedSetting, Default.MaxInflatedMegabytes),
        MaxRows = Positive(configuration, MaxRowsSetting, Default.MaxRows),
        MaxCellCharacters = Positive(configuration, MaxCellSetting, Default.MaxCellCharacters),
        MaxReportedErrors = Positive(configuration, MaxErrorsSetting, Default.MaxReportedErrors),
    };

    /// <summary>
    /// The limits configured for the application that <paramref name="db"/> belongs to (its services, as the context
    /// was resolved from them), else the defaults (a context built by hand, e.g. in the benchmark).
    /// </summary>
    internal static ImportLimits Of(KechuangDb db)
    {
        try
        {
            return From(db.GetService<IConfiguration>());
        }
        catch (InvalidOperationException)
        {
            return Default;
        }
    }

    internal Problems.InputException InflatedTooLarge() => Problems.InputException.For("file",
        $"文件解压后超过 {MaxInflatedMegabytes} MB（内容过大或文件已损坏），未导入任何记录，请拆分为几个文件分批导入");

    internal Problems.InputException TooManyRows() => Problems.InputException.For("file",
        $"文件的数据行超过 {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} 行，未导入任何记录，请拆分为几个文件分批导入");

    internal Problems.InputException CellTooLong(int? row) => Problems.InputException.For("file",
        (row is { } r ? $"第 {r} 行有单元格" : "文件中有单元格")
        + $"超过 {MaxCellCharacters.ToString("N0", CultureInfo.InvariantCulture)} 个字符（Excel 单元格的上限），未导入任何记录");

    private static int Positive(IConfiguration configuration, string key, int fallback) =>
        configuration.GetValue<int?>(key) is int configured and > 0 ? configured : fallback;
}
