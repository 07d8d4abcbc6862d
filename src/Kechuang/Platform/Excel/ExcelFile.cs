using MiniExcelLibs;

namespace Kechuang.Platform.Excel;

/// <summary>
/// Writes .xlsx with Chinese headers (MiniExcel, streaming: rows are produced one at a time as the file is
/// written, never held as a list of dictionaries). Reading imports is <see cref="XlsxRows"/>'s job.
/// </summary>
public static class ExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Rows of values in the order of <paramref name="headers"/>.</summary>
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(ByHeader(headers, rows));
        return stream.ToArray();
    }

    /// <summary>
    /// Text that a spreadsheet would take for a formula once someone edits the cell or saves the sheet as CSV
    /// (= + - @, a tab or a carriage return first) is written behind an apostrophe, as Excel writes text typed
    /// that way; <see cref="SheetRow.Text"/> takes the apostrophe off again, so an export still imports as it was.
    /// </summary>
    public static string Neutralised(string text) => text.Length > 0 && StartsLikeAFormula(text[0]) ? "'" + text : text;

    internal static bool StartsLikeAFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static IEnumerable<IDictionary<string, object?>> ByHeader(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var any = false;
        foreach (var values in rows)
        {
            any = true;
            var row = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                row[headers[i]] = values[i] is string text ? Neutralised(text) : values[i];
            }
            yield return row;
        }
        if (!any)
        {
            // MiniExcel writes no header for an empty list: one blank row keeps the headers, and blank rows
            // are skipped on import, so an empty export is still a usable template.
            yield return headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal);
        }
    }
}
