using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Platform.Excel;

/// <summary>
/// What a module declares for an .xlsx import: its columns (Chinese headers, in template order, each with the
/// validation fields reported in it), the name of the downloadable template and the table whose audit trail
/// records each import. The module adds how a row becomes a record (<see cref="SheetImport{TRecord}"/>); the
/// export of the same records is declared from the same columns (<see cref="Export{TRow}"/>), so an export
/// imports again.
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<string, string> _columnOfField = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexOfHeader = new(StringComparer.Ordinal);
    private readonly Lazy<byte[]> _template;

    public ImportSheet(string templateFileName, string auditEntity, params SheetColumn[] columns)
    {
        TemplateFileName = templateFileName;
        AuditEntity = auditEntity;
        Columns = columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Index >= 0)
            {
                throw new InvalidOperationException($"The column {columns[i].Header} belongs to another sheet.");
            }
            columns[i].Index = i;
            _indexOfHeader.Add(columns[i].Header, i);
            foreach (var field in columns[i].Fields)
            {
                _columnOfField.Add(field, columns[i].Header);
            }
        }
        Headers = [.. columns.Select(c => c.Header)];
        _template = new(() => ExcelFile.Write(Headers, []));
    }

    public string TemplateFileName { get; }

    /// <summary>The table an import of this sheet writes (<c>contracts_contract</c>): its audit entries name it.</summary>
    public string AuditEntity { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The header of the column where a problem of <paramref name="field"/> is shown (the field itself when no column declares it).</summary>
    public string ColumnOf(string field) => _columnOfField.GetValueOrDefault(field, field);

    internal int IndexOf(string header) => _indexOfHeader.GetValueOrDefault(header, -1);

    /// <summary>The empty sheet with the headers, for download beside the import.</summary>
    public FileContentHttpResult Template() => TypedResults.File(_template.Value, ExcelFile.ContentType, TemplateFileName);

    /// <summary>
    /// The export of this sheet's records: a value for every column, written in the sheet's order under the same
    /// headers. Throws at start-up when a column has no value, so an export cannot drift from its import.
    /// </summary>
    public ExportSheet<TRow> Export<TRow>(string fileName, Dictionary<SheetColumn, Func<TRow, object?>> values)
    {
        var export = new ExportSheet<TRow>(fileName, AuditEntity);
        foreach (var column in Columns)
        {
            if (!values.TryGetValue(column, out var value))
            {
                throw new InvalidOperationException($"The export {fileName} has no value for the column {column.Header}.");
            }
            export.Column(column.Header, value);
        }
        if (values.Count != Columns.Count)
        {
            throw new InvalidOperationException($"The export {fileName} has values for columns of another sheet.");
        }
        return export;
    }
}
