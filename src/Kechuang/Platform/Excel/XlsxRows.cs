using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The forward-only reader of every import (hundreds of thousands of rows): one <see cref="XmlReader"/> over the first
/// worksheet, the shared-string table in memory, nothing else kept. Each data row comes with its Excel row number and
/// its cells by the declared columns of an <see cref="ImportSheet"/>, found by the headers of row 1 (blank rows
/// skipped), with MiniExcel's value types: text as <see cref="string"/>, numbers as <see cref="double"/>,
/// date-formatted numbers as <see cref="DateTime"/>, booleans as <see cref="bool"/>, empty cells as null. About ten
/// times faster than MiniExcel's dynamic rows (docs/adr/008).
/// A file that is not a readable .xlsx is a 400 on the field <c>file</c>, for every importer alike.
/// </summary>
public static class XlsxRows
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// The data rows of the first worksheet, with the cells of <paramref name="sheet"/>'s columns found by the
    /// headers of row 1 (in any order; other columns are read only to tell a blank row). Blank rows are skipped.
    /// </summary>
    public static IEnumerable<SheetRow> Read(Stream stream, ImportSheet sheet)
    {
        var archive = Guard(() => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        using (archive)
        {
            var sheetPath = Guard(() => FirstSheetPath(archive));
            var shared = Guard(() => SharedStrings(archive));
            var dates = Guard(() => DateStyles(archive));
            var entry = archive.GetEntry(sheetPath) ?? throw Unreadable();
            using var part = Guard(entry.Open);
            using var xml = XmlReader.Create(part, Settings());
            var rows = new RowReader(xml, new Names(xml.NameTable), shared, dates, sheet.Columns.Count);
            if (!Guard(rows.ReadHeaders))
            {
                yield break;
            }
            rows.Map(sheet);
            while (Guard(rows.Next))
            {
                if (rows.Current is { } row)
                {
                    yield return row;
                }
            }
        }
    }

    private sealed class Names(XmlNameTable table)
    {
        public readonly string Row = table.Add("row");
        public readonly string C = table.Add("c");
        public readonly string V = table.Add("v");
        public readonly string Is = table.Add("is");
        public readonly string T = table.Add("t");
        public readonly string R = table.Add("r");
        public readonly string S = table.Add("s");
        public readonly string RPh = table.Add("rPh");
    }

    /// <summary>
    /// The sheet's rows one at a time. A class rather than an iterator so its loop can be compiled
    /// optimized from the first row (an iterator's state machine would run unoptimized code for a
    /// good part of an import before the runtime's tiering gets to it).
    /// </summary>
    private sealed class RowReader(XmlReader xml, Names n, List<string> shared, HashSet<int> dates, int declared)
    {
        private readonly List<(int Column, object? Value)> _headerCells = [];
        private int[] _map = [];
        private int _number;

        /// <summary>The row just read, or null when it was blank.</summary>
        public SheetRow? Current { get; private set; }

        /// <summary>Reads row 1 (false when the sheet has no row at all).</summary>
        public bool ReadHeaders()
        {
            if (!NextRow())
            {
                return false;
            }
            ReadCells(null);
            return true;
        }

        /// <summary>Which declared column each column of the file fills (-1: none).</summary>
        public void Map(ImportSheet sheet)
        {
            var width = _headerCells.Count == 0 ? 0 : _headerCells.Max(c => c.Column) + 1;
            _map = Enumerable.Repeat(-1, width).ToArray();
            var taken = new HashSet<int>();
            foreach (var (column, value) in _headerCells)
            {
                var header = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
                var index = header.Length == 0 ? -1 : sheet.IndexOf(header);
                // The first of two columns with one header is the one read.
                _map[column] = index >= 0 && taken.Add(index) ? index : -1;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Next()
        {
            if (!NextRow())
            {
                return false;
            }
            var cells = new object?[declared];
            Current = ReadCells(cells) ? new SheetRow(_number, cells) : null;
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool NextRow()
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, n.Row))
                {
                    continue;
                }
                _number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _number + 1;
                return true;
            }
            return false;
        }

        /// <summary>
        /// The cells of the current row: into <paramref name="cells"/> by declared column, or (for the header row,
        /// when null) into the header cells. True when any cell of the row, read or not, holds something.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ReadCells(object?[]? cells)
        {
            if (xml.IsEmptyElement)
            {
                return false;
            }
            var any = false;
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
                var type = CellType.Number;
                var style = 0;
                var positioned = false;
                while (xml.MoveToNextAttribute())
                {
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, n.R))
                    {
                        position = ColumnIndex(xml.Value);
                        positioned = true;
                    }
                    else if (ReferenceEquals(name, n.T))
                    {
                        type = TypeOf(xml.Value);
                    }
                    else if (ReferenceEquals(name, n.S))
                    {
                        style = int.TryParse(xml.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var st) ? st : 0;
                    }
                }
                xml.MoveToElement();
                if (!positioned)
                {
                    position++;
                }
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
                if (raw is null)
                {
                    continue;
                }
                if (cells is null)
                {
                    _headerCells.Add((position, Value(type, raw, style, shared, dates)));
                    continue;
                }
                var target = position >= 0 && position < _map.Length ? _map[position] : -1;
                if (target >= 0)
                {
                    var value = Value(type, raw, style, shared, dates);
                    cells[target] = value;
                    any |= value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s));
                }
                else if (!any)
                {
                    any = type is not CellType.Error && !string.IsNullOrWhiteSpace(type == CellType.Shared ? Value(type, raw, style, shared, dates) as string : raw);
                }
            }
            return any;
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
