using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;

namespace Kechuang.Platform.Excel;

/// <summary>
/// A forward-only reader of the first worksheet of an .xlsx for large imports (hundreds of thousands
/// of rows): one <see cref="XmlReader"/> over the sheet, the shared-string table in memory, nothing
/// else kept. It yields the same shape as <see cref="ExcelFile.Read"/> (Excel row number, cells by the
/// headers of row 1; blank rows skipped) and the same value types as MiniExcel: text as
/// <see cref="string"/>, numbers as <see cref="double"/>, date-formatted numbers as
/// <see cref="DateTime"/>, booleans as <see cref="bool"/>, empty cells as null. About ten times faster
/// than MiniExcel's dynamic rows, which the import benchmark needs (docs/adr/008).
/// A file that is not a readable .xlsx is a 400 on the field <c>file</c>, as for every importer.
/// </summary>
public static class XlsxRows
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static IEnumerable<(int Row, IDictionary<string, object?> Cells)> Read(Stream stream)
    {
        var archive = Guard(() => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        using (archive)
        {
            var sheetPath = Guard(() => FirstSheetPath(archive));
            var shared = Guard(() => SharedStrings(archive));
            var dates = Guard(() => DateStyles(archive));
            var entry = archive.GetEntry(sheetPath) ?? throw Unreadable();
            using var sheet = Guard(entry.Open);
            using var xml = XmlReader.Create(sheet, Settings());
            var rows = new RowReader(xml, new Names(xml.NameTable), shared, dates);
            string[]? headers = null;
            var cells = new List<(int Column, object? Value)>(16);
            while (Guard(() => rows.Next(cells)))
            {
                if (headers is null)
                {
                    headers = Headers(cells);
                    continue;
                }
                if (ByHeader(headers, cells) is { } byHeader)
                {
                    yield return (rows.Number, byHeader);
                }
            }
        }
    }

    private static string[] Headers(List<(int Column, object? Value)> cells)
    {
        var headers = new string[cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1];
        foreach (var (column, value) in cells)
        {
            headers[column] = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        }
        return headers;
    }

    /// <summary>The row's cells by header, or null for a blank row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, object?>? ByHeader(string[] headers, List<(int Column, object? Value)> cells)
    {
        var blank = true;
        foreach (var (_, value) in cells)
        {
            if (value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s)))
            {
                blank = false;
                break;
            }
        }
        if (blank)
        {
            return null;
        }
        var byHeader = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
        foreach (var header in headers)
        {
            if (!string.IsNullOrEmpty(header))
            {
                byHeader.TryAdd(header, null);
            }
        }
        foreach (var (column, value) in cells)
        {
            if (column < headers.Length && !string.IsNullOrEmpty(headers[column]))
            {
                byHeader[headers[column]] = value;
            }
        }
        return byHeader;
    }

    private sealed class Names(XmlNameTable table)
    {
        public readonly string Row = table.Add("row");
        public readonly string C = table.Add("c");
        public readonly string V = table.Add("v");
        public readonly string Is = table.Add("is");
        public readonly string T = table.Add("t");
        public readonly string RPh = table.Add("rPh");
    }

    /// <summary>
    /// The sheet's rows one at a time. A class rather than an iterator so its loop can be compiled
    /// optimized from the first row (an iterator's state machine would run unoptimized code for a
    /// good part of an import before the runtime's tiering gets to it).
    /// </summary>
    private sealed class RowReader(XmlReader xml, Names n, List<string> shared, HashSet<int> dates)
    {
        public int Number { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Next(List<(int Column, object? Value)> cells)
        {
            cells.Clear();
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, n.Row))
                {
                    continue;
                }
                Number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : Number + 1;
                if (!xml.IsEmptyElement)
                {
                    ReadCells(cells);
                }
                return true;
            }
            return false;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadCells(List<(int Column, object? Value)> cells)
        {
            var depth = xml.Depth;
            var position = -1;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, n.C))
                {
                    xml.Read();
                    continue;
                }
                var reference = xml.GetAttribute("r");
                position = reference is null ? position + 1 : ColumnIndex(reference);
                var type = TypeOf(xml.GetAttribute("t"));
                var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var st) ? st : 0;
                string? raw = null;
                if (xml.IsEmptyElement)
                {
                    xml.Read();
                }
                else
                {
                    var cellDepth = xml.Depth;
                    xml.Read();
                    while (!xml.EOF && xml.Depth > cellDepth)
                    {
                        if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.V))
                        {
                            raw = xml.ReadElementContentAsString();
                        }
                        else if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.Is))
                        {
                            raw = InlineText(xml, n);
                        }
                        else
                        {
                            xml.Read();
                        }
                    }
                    xml.Read(); // past </c>
                }
                cells.Add((position, raw is null ? null : Value(type, raw, style, shared, dates)));
            }
        }
    }

    private enum CellType
    {
        Number,
        Shared,
        Text,
        Boolean,
        Error,
        Date,
    }

    private static CellType TypeOf(string? type) => type switch
    {
        "s" => CellType.Shared,
        "str" or "inlineStr" => CellType.Text,
        "b" => CellType.Boolean,
        "e" => CellType.Error,
        "d" => CellType.Date,
        _ => CellType.Number,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static object? Value(CellType type, string raw, int style, List<string> shared, HashSet<int> dates) => type switch
    {
        CellType.Shared => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : throw Unreadable(),
        CellType.Text => raw,
        CellType.Boolean => raw == "1",
        CellType.Error => null,
        CellType.Date => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : raw,
        _ => Value(raw, style, dates),
    };

    private static object Value(string raw, int style, HashSet<int> dates)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }
        return dates.Contains(style) && number is > -657435 and < 2958466 ? DateTime.FromOADate(number) : number;
    }

    /// <summary>"AB12" → 27 (zero-based column).</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            column = (column * 26) + (ch - 'A' + 1);
        }
        return column - 1;
    }

    /// <summary>Text of an &lt;is&gt; or &lt;si&gt; element: its &lt;t&gt;, or its runs' &lt;t&gt; joined; phonetic runs left out.</summary>
    private static string InlineText(XmlReader xml, Names n)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.RPh))
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.T))
            {
                var text = xml.ReadElementContentAsString();
                if (single is null && many is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(text);
                }
            }
            else
            {
                xml.Read();
            }
        }
        xml.Read(); // past the closing tag
        return many?.ToString() ?? single ?? "";
    }

    private static List<string> SharedStrings(ZipArchive archive)
    {
        var strings = new List<string>();
        var entry = archive.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, Settings());
        var n = new Names(xml.NameTable);
        var si = xml.NameTable.Add("si");
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, si))
            {
                strings.Add(InlineText(xml, n));
            }
            else
            {
                xml.Read();
            }
        }
        return strings;
    }

    /// <summary>Cell styles (indexes into cellXfs) whose number format is a date or time, as MiniExcel reads them.</summary>
    private static HashSet<int> DateStyles(ZipArchive archive)
    {
        var dates = new HashSet<int>();
        var entry = archive.GetEntry("xl/styles.xml");
        if (entry is null)
        {
            return dates;
        }
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, Settings());
        var custom = new Dictionary<int, string>();
        var inCellXfs = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                    custom[id] = xml.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (IsDateFormat(format, custom))
                    {
                        dates.Add(index);
                    }
                    index++;
                    break;
            }
        }
        return dates;
    }

    private static bool IsDateFormat(int id, Dictionary<int, string> custom)
    {
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }
        if (!custom.TryGetValue(id, out var code))
        {
            return false;
        }
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return plain.IndexOfAny(['y', 'Y', 'd', 'D', 'h', 'H', 's', 'S']) >= 0 && !plain.Contains('#', StringComparison.Ordinal);
    }

    private static string FirstSheetPath(ZipArchive archive)
    {
        var workbook = archive.GetEntry("xl/workbook.xml") ?? throw Unreadable();
        string? relationId = null;
        using (var stream = workbook.Open())
        using (var xml = XmlReader.Create(stream, Settings()))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
                {
                    relationId = xml.GetAttribute("id", RelNs);
                    break;
                }
            }
        }
        var relations = archive.GetEntry("xl/_rels/workbook.xml.rels");
        if (relationId is not null && relations is not null)
        {
            using var stream = relations.Open();
            using var xml = XmlReader.Create(stream, Settings());
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == relationId)
                {
                    var target = (xml.GetAttribute("Target") ?? "").Replace('\\', '/');
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }
        return archive.GetEntry("xl/worksheets/sheet1.xml") is not null ? "xl/worksheets/sheet1.xml" : throw Unreadable();
    }

    private static XmlReaderSettings Settings() => new()
    {
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        DtdProcessing = DtdProcessing.Prohibit,
        CloseInput = false,
    };

    private static Problems.InputException Unreadable() =>
        Problems.InputException.For("file", "无法读取文件，请上传 .xlsx 格式的 Excel 文件");

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or XmlException or FormatException)
        {
            throw Unreadable();
        }
    }
}
