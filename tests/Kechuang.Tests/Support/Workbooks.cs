using System.IO.Compression;
using System.Text;

namespace Kechuang.Tests.Support;

/// <summary>
/// Hostile .xlsx files built by the test, never stored in the repository: the worksheet part is written a piece at a
/// time through the zip's own deflater, so a sheet that inflates to more than a gigabyte costs a megabyte or two of
/// memory and a second or two to build.
/// </summary>
public static class Workbooks
{
    public const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    public const string SheetEnd = "</sheetData></worksheet>";

    private const string Workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private const string Relations = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

    public const string SheetPath = "xl/worksheets/sheet1.xml";

    /// <summary>The sheet part as 1.3 GB of one-cell rows after a header row (the size of the file the security review sent); about 8 MB zipped.</summary>
    public static byte[] GigabyteSheet => Gigabyte.Value;

    private static readonly Lazy<byte[]> Gigabyte = new(() => Build(sheet =>
    {
        Write(sheet, SheetStart + Row(1, "合同名称"));
        Repeat(sheet, Row(null, "炸弹"), 1_300L * 1024 * 1024);
        Write(sheet, SheetEnd);
    }));

    /// <summary>A workbook whose first sheet is what <paramref name="writeSheet"/> writes (and a shared-string part when given).</summary>
    public static byte[] Build(Action<Stream> writeSheet, string? sharedStrings = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "xl/workbook.xml", Workbook);
            Part(zip, "xl/_rels/workbook.xml.rels", Relations);
            if (sharedStrings is not null)
            {
                Part(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            using var sheet = zip.CreateEntry(SheetPath, CompressionLevel.Optimal).Open();
            writeSheet(sheet);
        }
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string path, string text)
    {
        using var part = zip.CreateEntry(path).Open();
        Write(part, text);
    }

    /// <summary>A sheet of the given rows (written as they are, e.g. from <see cref="Row"/>).</summary>
    public static byte[] Sheet(IEnumerable<string> rows) => Build(sheet =>
    {
        Write(sheet, SheetStart);
        foreach (var row in rows)
        {
            Write(sheet, row);
        }
        Write(sheet, SheetEnd);
    });

    /// <summary>A row of inline-string cells from column A (no cell references: each cell is the next column); null leaves a cell out.</summary>
    public static string Row(int? number, params string?[] cells)
    {
        var row = new StringBuilder(number is { } r ? $"<row r=\"{r}\">" : "<row>");
        foreach (var cell in cells)
        {
            row.Append(cell is null ? "<c/>" : $"<c t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cell)}</t></is></c>");
        }
        return row.Append("</row>").ToString();
    }

    public static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="piece"/> again and again until <paramref name="bytes"/> are written.</summary>
    public static void Repeat(Stream stream, string piece, long bytes)
    {
        var one = Encoding.UTF8.GetBytes(piece);
        var block = new byte[(1 << 20) / one.Length * one.Length];
        for (var i = 0; i < block.Length; i += one.Length)
        {
            one.CopyTo(block, i);
        }
        for (var written = 0L; written < bytes; written += block.Length)
        {
            stream.Write(block);
        }
    }

    /// <summary>
    /// The same zip with <paramref name="path"/>'s uncompressed size in its local and central headers replaced by
    /// <paramref name="declared"/>: a zip that lies about how much its part inflates to.
    /// </summary>
    public static byte[] Declaring(byte[] zip, string path, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(path);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4B)
            {
                continue;
            }
            // Local header: PK 3 4, size at 22, name at 30. Central header: PK 1 2, size at 24, name at 46.
            var (sizeAt, nameAt) = (bytes[i + 2], bytes[i + 3]) switch
            {
                (3, 4) => (22, 30),
                (1, 2) => (24, 46),
                _ => (-1, -1),
            };
            if (sizeAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), declared);
                patched++;
            }
        }
        return patched == 2 ? bytes : throw new InvalidOperationException($"{path}: {patched} headers found instead of 2");
    }
}
