using System.Text.Json;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Platform.Excel;

/// <summary>
/// What a module declares for an .xlsx export of one of its lists: the columns (Chinese header and the value of a
/// list row), the file name and the audited table. The rows come from the list's own handler with the list's own
/// filters, sort and search (the query the list API and page take), so the data scope applies as on screen; the
/// kit records the export in the audit log and writes the file. An importable list declares its export from its
/// <see cref="ImportSheet"/>, so the file imports again.
/// </summary>
public sealed class ExportSheet<TRow>(string fileName, string auditEntity)
{
    private readonly List<(string Header, Func<TRow, object?> Value)> _columns = [];

    public string FileName { get; } = fileName;

    public string AuditEntity { get; } = auditEntity;

    public IReadOnlyList<string> Headers => [.. _columns.Select(c => c.Header)];

    public ExportSheet<TRow> Column(string header, Func<TRow, object?> value)
    {
        if (_columns.Any(c => c.Header == header))
        {
            throw new InvalidOperationException($"The export {FileName} has two columns {header}.");
        }
        _columns.Add((header, value));
        return this;
    }

    /// <summary>
    /// Records the export (who, which table, how many rows; details such as a pool name may be added) and answers the
    /// rows as an .xlsx. The audit entry is saved before the file is written: a file leaves only with its trace.
    /// </summary>
    public async Task<FileContentHttpResult> FileAsync(KechuangDb db, IReadOnlyCollection<TRow> rows, CancellationToken cancellationToken,
        string? fileName = null, IReadOnlyDictionary<string, string?>? details = null)
    {
        var audit = new Dictionary<string, object?> { ["rows"] = rows.Count };
        foreach (var (key, value) in details ?? new Dictionary<string, string?>())
        {
            audit[key] = value;
        }
        db.AuditEvent(AuditEntity, "export", "export", JsonSerializer.Serialize(audit, AuditJson));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(Write(rows), ExcelFile.ContentType, fileName ?? FileName);
    }

    /// <summary>The rows as .xlsx bytes under this sheet's headers (an empty list still carries the headers).</summary>
    public byte[] Write(IEnumerable<TRow> rows)
    {
        var columns = _columns.ToArray();
        return ExcelFile.Write([.. columns.Select(c => c.Header)], rows.Select(row =>
        {
            var values = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                values[i] = columns[i].Value(row);
            }
            return values;
        }));
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
