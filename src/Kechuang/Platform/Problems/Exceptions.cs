namespace Kechuang.Platform.Problems;

/// <summary>Invalid input: answered 400 with one Chinese message per field. Nothing was changed.</summary>
public sealed class InputException(IReadOnlyDictionary<string, string[]> errors) : Exception("输入有误")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A broken business rule: answered 409 with a stable dotted code and a Chinese message.</summary>
public sealed class RuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The caller may not see or change this record, or may not take this action at all: answered 403 (with <paramref name="code"/> when given).</summary>
public sealed class ForbiddenException(string message = "无权访问该记录", string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}

/// <summary>No such record within the caller's data scope: answered 404.</summary>
public sealed class NotFoundException(string message = "记录不存在") : Exception(message);

/// <summary>The account is locked: answered 423.</summary>
public sealed class LockedException(string message) : Exception(message);

/// <summary>413: an upload larger than allowed (the message names the limit).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>
/// An all-or-nothing import found bad rows: answered 400 listing them (the first ones, in row order, when there are more
/// than an answer should carry) with how many there are in all. Nothing was imported.
/// </summary>
public sealed class ImportRowsException(IReadOnlyList<ImportRowError> rows, int total) : Exception(MessageFor(rows.Count, total))
{
    public ImportRowsException(IReadOnlyList<ImportRowError> rows)
        : this(rows, rows.Count)
    {
    }

    public IReadOnlyList<ImportRowError> Rows { get; } = rows;

    /// <summary>How many bad cells the file has; more than <see cref="Rows"/> when the list was cut.</summary>
    public int Total { get; } = total;

    private static string MessageFor(int listed, int total) => total > listed
        ? $"导入文件共有 {total} 处错误，未导入任何记录；以下只列出前 {listed} 处，其余 {total - listed} 处未列出，请修改后重新上传"
        : "导入文件有错误，未导入任何记录";
}

/// <summary>One bad cell of an import: the Excel row number (header is row 1), the column's Chinese header and the reason.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);
