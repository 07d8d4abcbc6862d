using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
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
            var rows = new RowReader(Guard(() => new WorksheetScanner(part)), shared, dates, sheet.Columns.Count);
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
        public readonly string T = table.Add("t");
        public readonly string RPh = table.Add("rPh");
    }

    /// <summary>
    /// The sheet's rows one at a time, as values. A class rather than an iterator so its loop can be compiled optimized
    /// from the first row (an iterator's state machine would run unoptimized code for a good part of an import before
    /// the runtime's tiering gets to it).
    /// </summary>
    private sealed class RowReader(WorksheetScanner scanner, List<string> shared, HashSet<int> dates, int declared)
    {
        private const int InternedMax = 4096, InternedLength = 64;
        private readonly List<(int Column, string Header)> _headers = [];
        private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
        private int[] _map = [];

        /// <summary>The row just read, or null when it was blank.</summary>
        public SheetRow? Current { get; private set; }

        /// <summary>Reads row 1 (false when the sheet has no row at all).</summary>
        public bool ReadHeaders()
        {
            if (!scanner.NextRow())
            {
                return false;
            }
            foreach (var cell in scanner.Cells)
            {
                if (cell.HasValue)
                {
                    var value = Value(cell, scanner.Values.Slice(cell.ValueStart, cell.ValueLength));
                    _headers.Add((cell.Column, Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? ""));
                }
            }
            return true;
        }

        /// <summary>Which declared column each column of the file fills (-1: none).</summary>
        public void Map(ImportSheet sheet)
        {
            var width = _headers.Count == 0 ? 0 : _headers.Max(c => c.Column) + 1;
            _map = Enumerable.Repeat(-1, width).ToArray();
            var taken = new HashSet<int>();
            foreach (var (column, header) in _headers)
            {
                var index = header.Length == 0 || column < 0 ? -1 : sheet.IndexOf(header);
                // The first of two columns with one header is the one read.
                if (column >= 0)
                {
                    _map[column] = index >= 0 && taken.Add(index) ? index : -1;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Next()
        {
            if (!scanner.NextRow())
            {
                return false;
            }
            var cells = new object?[declared];
            var any = false;
            var values = scanner.Values;
            foreach (var cell in scanner.Cells)
            {
                if (!cell.HasValue)
                {
                    continue;
                }
                var bytes = values.Slice(cell.ValueStart, cell.ValueLength);
                var target = cell.Column >= 0 && cell.Column < _map.Length ? _map[cell.Column] : -1;
                if (target >= 0)
                {
                    var value = Value(cell, bytes);
                    cells[target] = value;
                    any |= value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s));
                }
                else if (!any && cell.Type != CellType.Error)
                {
                    // A cell under no declared header still makes the row a row (its problems get reported).
                    any = !string.IsNullOrWhiteSpace(cell.Type == CellType.Shared ? Value(cell, bytes) as string : Encoding.UTF8.GetString(bytes));
                }
            }
            Current = any ? new SheetRow(scanner.RowNumber, cells) : null;
            return true;
        }

        /// <summary>
        /// A text cell as a string; short texts met before (a type, a party's name and code, a date written as text: the
        /// values a sheet repeats row after row) are the same string again instead of a new one each row.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string Text(ReadOnlySpan<byte> raw)
        {
            if (raw.Length > InternedLength)
            {
                return Encoding.UTF8.GetString(raw);
            }
            Span<char> chars = stackalloc char[InternedLength];
            var text = chars[..Encoding.UTF8.GetChars(raw, chars)];
            var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var known))
            {
                return known;
            }
            var made = new string(text);
            if (_interned.Count < InternedMax)
            {
                _interned[made] = made;
            }
            return made;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object? Value(WorksheetScanner.Cell cell, ReadOnlySpan<byte> raw)
        {
            switch (cell.Type)
            {
                case CellType.Shared:
                    return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : throw Unreadable();
                case CellType.Text:
                    return Text(raw);
                case CellType.Boolean:
                    return raw.Length == 1 && raw[0] == (byte)'1';
                case CellType.Error:
                    return null;
                case CellType.Date:
                    var text = Encoding.UTF8.GetString(raw);
                    return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : text;
                default:
                    if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        return Encoding.UTF8.GetString(raw);
                    }
                    return dates.Contains(cell.Style) && number is > -657435 and < 2958466 ? DateTime.FromOADate(number) : number;
            }
        }
    }

    internal enum CellType
    {
        Number,
        Shared,
        Text,
        Boolean,
        Error,
        Date,
    }

    internal static CellType TypeOf(ReadOnlySpan<byte> type) => type.Length switch
    {
        0 => CellType.Number,
        1 => type[0] switch
        {
            (byte)'s' => CellType.Shared,
            (byte)'b' => CellType.Boolean,
            (byte)'e' => CellType.Error,
            (byte)'d' => CellType.Date,
            _ => CellType.Number,
        },
        _ when type.SequenceEqual("str"u8) || type.SequenceEqual("inlineStr"u8) => CellType.Text,
        _ => CellType.Number,
    };

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
