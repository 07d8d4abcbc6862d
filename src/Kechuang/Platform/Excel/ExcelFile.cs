using MiniExcelLibs;

namespace Kechuang.Platform.Excel;

/// <summary>
/// Reads and writes .xlsx with Chinese headers (MiniExcel, streaming). Imports are all-or-nothing:
/// callers validate every row, collect <see cref="Problems.ImportRowError"/>s, and save only when none.
/// </summary>
public static class ExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes rows whose keys are the Chinese column headers, in order.</summary>
    public static async Task<byte[]> WriteAsync(IEnumerable<IDictionary<string, object?>> rows, string[] headers, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        var materialized = rows.ToList();
        if (materialized.Count == 0)
        {
            // MiniExcel writes no header for an empty list: one blank row keeps the headers, and
            // blank rows are skipped on import, so an empty export is still a usable template.
            materialized.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }
        await stream.SaveAsAsync(materialized, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads data rows (header row 1); yields the Excel row number with each row's cells by header.
    /// A file that is not a readable .xlsx is a 400 on the field <c>file</c>, for every importer alike.
    /// </summary>
    public static IEnumerable<(int Row, IDictionary<string, object?> Cells)> Read(Stream stream)
    {
        using var rows = Guard(() => stream.Query(useHeaderRow: true).GetEnumerator());
        var row = 1;
        while (Guard(rows.MoveNext))
        {
            row++;
            var cells = (IDictionary<string, object?>)rows.Current;
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }
            yield return (row, cells);
        }
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            throw Problems.InputException.For("file", "无法读取文件，请上传 .xlsx 格式的 Excel 文件");
        }
    }

    public static string? Text(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() : null;
}
