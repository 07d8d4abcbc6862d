using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The forward-only reader of every import (hundreds of thousands of rows): the first worksheet's bytes scanned as they
/// are inflated (<see cref="WorksheetScanner"/>), the shared-string table in memory, nothing else kept; all of it within
/// <see cref="ImportLimits"/>. Each data row comes with its Excel row number and
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
    /// Within <paramref name="limits"/> (the defaults when null): the parts read inflate to at most
    /// <see cref="ImportLimits.MaxInflatedMegabytes"/> together, counted on the bytes actually inflated (a zip may
    /// declare sizes it does not keep), at most <see cref="ImportLimits.MaxRows"/> data rows, no cell longer than
    /// <see cref="ImportLimits.MaxCellCharacters"/>; past any of them reading stops with a 400 on <c>file</c>.
    /// </summary>
    public static IEnumerable<SheetRow> Read(Stream stream, ImportSheet sheet, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        if (stream.CanSeek && stream.Length - stream.Position < EmptyZip)
        {
            // Shorter than the end record of an empty zip: nothing a zip reader could make sense of.
            throw Unreadable();
        }
        var archive = Guard(() => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        using (archive)
        {
            var budget = new InflatedBudget(limits);
            var sheetPath = Guard(() => FirstSheetPath(archive, budget));
            var shared = Guard(() => SharedStrings(archive, budget, limits));
            var dates = Guard(() => DateStyles(archive, budget));
            var entry = archive.GetEntry(sheetPath) ?? throw Unreadable();
            using var part = Guard(() => budget.Open(entry));
            var scanner = Guard(() => new WorksheetScanner(part, limits));
            var rows = new RowReader(scanner, shared, dates, sheet.Columns.Count, limits);
            if (!Guard(rows.ReadHeaders))
            {
                yield break;
            }
            rows.Map(sheet);
            var count = 0;
            while (Guard(rows.Next))
            {
                if (rows.Current is { } row)
                {
                    if (++count > limits.MaxRows)
                    {
                        throw limits.TooManyRows();
                    }
                    yield return row;
                }
            }
        }
    }

    /// <summary>The bytes of the end-of-central-directory record, all an empty zip is.</summary>
    private const int EmptyZip = 22;

    /// <summary>What the parts of one file may still inflate to; each part is opened through it.</summary>
    private sealed class InflatedBudget(ImportLimits limits)
    {
        private long _left = limits.MaxInflatedBytes;

        public CountingStream Open(ZipArchiveEntry entry)
        {
            // An honest zip declares its sizes: refused before anything is inflated. One that lies is stopped by the count.
            if (entry.Length > _left)
            {
                throw limits.InflatedTooLarge();
            }
            return new CountingStream(entry.Open(), this);
        }

        public void Take(int bytes)
        {
            _left -= bytes;
            if (_left < 0)
            {
                throw limits.InflatedTooLarge();
            }
        }
    }

    /// <summary>A part's inflated bytes, counted against the file's budget as they are read.</summary>
    private sealed class CountingStream(Stream inner, InflatedBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Take(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
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
    private sealed class RowReader(WorksheetScanner scanner, List<string> shared, HashSet<int> dates, int declared, ImportLimits limits)
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

        /// <summary>
        /// The scanner stops a cell at three bytes a character (no character takes more in UTF-8), before it is held;
        /// the exact count of characters is taken here.
        /// </summary>
        private string Checked(string text) => text.Length > limits.MaxCellCharacters ? throw limits.CellTooLong(scanner.RowNumber) : text;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private object? Value(WorksheetScanner.Cell cell, ReadOnlySpan<byte> raw)
        {
            switch (cell.Type)
            {
                case CellType.Shared:
                    return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : throw Unreadable();
                case CellType.Text:
                    return Checked(Text(raw));
                case CellType.Boolean:
                    return raw.Length == 1 && raw[0] == (byte)'1';
                case CellType.Error:
                    return null;
                case CellType.Date:
                    var text = Encoding.UTF8.GetString(raw);
                    return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Checked(text);
                default:
                    if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        return Checked(Encoding.UTF8.GetString(raw));
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

    /// <summary>
    /// Text of an &lt;si&gt; element: its &lt;t&gt;, or its runs' &lt;t&gt; joined; phonetic runs left out. Read a chunk
    /// at a time, so a string longer than <paramref name="max"/> characters is refused before it is held whole.
    /// </summary>
    private static string InlineText(XmlReader xml, Names n, ImportLimits limits, System.Text.StringBuilder text, char[] chunk)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        text.Clear();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.RPh))
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, n.T))
            {
                AppendContent(xml, text, limits, chunk);
            }
            else
            {
                xml.Read();
            }
        }
        xml.Read(); // past the closing tag
        return text.Length == 0 ? "" : text.ToString();
    }

    /// <summary>The text of the element the reader is on (as <see cref="XmlReader.ReadElementContentAsString()"/> gives it), appended; the reader ends past its end tag.</summary>
    private static void AppendContent(XmlReader xml, System.Text.StringBuilder text, ImportLimits limits, char[] chunk)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    if (text.Length + read > limits.MaxCellCharacters)
                    {
                        throw limits.CellTooLong(null);
                    }
                    text.Append(chunk, 0, read);
                }
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                // <t> holds text only; an element inside it is what ReadElementContentAsString refuses.
                throw new XmlException("An element inside <t>.");
            }
            else
            {
                xml.Read();
            }
        }
        xml.Read(); // past </t>
    }

    private static List<string> SharedStrings(ZipArchive archive, InflatedBudget budget, ImportLimits limits)
    {
        var strings = new List<string>();
        var entry = archive.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }
        using var stream = budget.Open(entry);
        using var xml = XmlReader.Create(stream, Settings());
        var n = new Names(xml.NameTable);
        var si = xml.NameTable.Add("si");
        var chunk = new char[4096];
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, si))
            {
                strings.Add(InlineText(xml, n, limits, text, chunk));
            }
            else
            {
                xml.Read();
            }
        }
        return strings;
    }

    /// <summary>Cell styles (indexes into cellXfs) whose number format is a date or time, as MiniExcel reads them.</summary>
    private static HashSet<int> DateStyles(ZipArchive archive, InflatedBudget budget)
    {
        var dates = new HashSet<int>();
        var entry = archive.GetEntry("xl/styles.xml");
        if (entry is null)
        {
            return dates;
        }
        using var stream = budget.Open(entry);
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

    private static string FirstSheetPath(ZipArchive archive, InflatedBudget budget)
    {
        var workbook = archive.GetEntry("xl/workbook.xml") ?? throw Unreadable();
        string? relationId = null;
        using (var stream = budget.Open(workbook))
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
            using var stream = budget.Open(relations);
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
