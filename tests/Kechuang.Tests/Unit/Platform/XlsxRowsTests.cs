using System.IO.Compression;
using System.Text;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The streaming .xlsx reader of large imports (docs/adr/008) reads what MiniExcel reads, on files written by different tools.</summary>
public sealed class XlsxRowsTests
{
    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
        """;

    private const string Relations = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """;

    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
        """;

    private const string Shared = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>名称</t></si><si><t>金额</t></si><si><t>日期</t></si><si><r><t>浙江</t></r><r><rPr><b/></rPr><t xml:space="preserve">大学 </t></r><rPh><t>ずい</t></rPh></si><si><t>备注</t></si></sst>
        """;

    private static byte[] File(string sheet)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in new[]
            {
                ("xl/workbook.xml", Workbook), ("xl/_rels/workbook.xml.rels", Relations), ("xl/styles.xml", Styles),
                ("xl/sharedStrings.xml", Shared), ("xl/worksheets/sheet1.xml", sheet),
            })
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return stream.ToArray();
    }

    private static readonly string[] Headers = ["名称", "金额", "日期", "备注"];

    /// <summary>The rows as the import kit reads them, each with its cells by header.</summary>
    private static List<(int Number, Dictionary<string, object?> Cells)> ReadFast(byte[] file)
    {
        var columns = Headers.Select(h => new SheetColumn(h)).ToArray();
        var sheet = new ImportSheet("t.xlsx", "t", columns);
        return XlsxRows.Read(new MemoryStream(file), sheet).Select(r => (r.Number, columns.ToDictionary(c => c.Header, c => r[c]))).ToList();
    }

    [Fact]
    public void ReadsSharedInlineNumbersDatesEntitiesAndPrefixes_AsMiniExcelDoes()
    {
        // Prefixed names (as MiniExcel writes them), shared strings with runs and phonetics, inline
        // strings, entities and character references, CRLF in text, a comment, CDATA, a formula,
        // date styles, a blank row, a gap in the columns and a row without a number.
        var sheet = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
            + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
            + "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"C1\" t=\"s\"><x:v>2</x:v></x:c><x:c r=\"D1\" t=\"s\"><x:v>4</x:v></x:c></x:row>"
            + "<!-- a comment with <row> inside -->"
            + "<x:row r=\"2\" spans=\"1:4\"><x:c r=\"A2\" t=\"s\"><x:v>3</x:v></x:c><x:c r=\"B2\"><x:v>12345.67</x:v></x:c><x:c r=\"C2\" s=\"1\"><x:v>44635</x:v></x:c>"
            + "<x:c r=\"D2\" t=\"inlineStr\"><x:is><x:t>A &amp; B &lt;C&gt; &#x4E2D;&#25991; &quot;q&quot;\r\nline</x:t></x:is></x:c></x:row>"
            + "<x:row r=\"3\"><x:c r=\"A3\" t=\"str\"><x:f>CONCAT(\"a\",\"b\")</x:f><x:v>ab</x:v></x:c><x:c r=\"C3\" s=\"2\"><x:v>44636.5</x:v></x:c>"
            + "<x:c r=\"D3\" t=\"str\"><x:v><![CDATA[<raw> & text]]></x:v></x:c></x:row>"
            + "<x:row r=\"4\"><x:c r=\"A4\" t=\"str\"><x:v>   </x:v></x:c><x:c r=\"B4\"/></x:row>"
            + "<x:row r=\"5\"/>"
            + "<x:row><x:c t=\"b\"><x:v>1</x:v></x:c><x:c><x:v>-0.5e2</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"str\" ><x:v>末行</x:v></x:c></x:row>"
            + "</x:sheetData></x:worksheet>";
        var file = File(sheet);

        var fast = ReadFast(file);
        var reference = MiniExcelLibs.MiniExcel.Query(new MemoryStream(file), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Where(r => r.Values.Any(v => v is not null && (v is not string s || !string.IsNullOrWhiteSpace(s)))).Select(r => (Row: 0, Cells: r)).ToList();

        Assert.Equal(3, fast.Count);
        Assert.Equal([2, 3, 6], fast.Select(r => r.Number));
        Assert.Equal(reference.Count, fast.Count);
        foreach (var header in new[] { "名称", "金额", "日期", "备注" })
        {
            // MiniExcel shifts the cells after a formula and keeps error texts; the rest must agree.
            Assert.Equal(reference[0].Cells[header], fast[0].Cells[header]);
        }
        Assert.Equal(reference[2].Cells["名称"], fast[2].Cells["名称"]);
        Assert.Equal(reference[2].Cells["金额"], fast[2].Cells["金额"]);
        Assert.Equal("ab", fast[1].Cells["名称"]);
        Assert.Null(fast[1].Cells["金额"]);
        Assert.Equal("浙江大学 ", fast[0].Cells["名称"]);
        Assert.Equal(12345.67, fast[0].Cells["金额"]);
        Assert.Equal(new DateTime(2022, 3, 15), fast[0].Cells["日期"]);
        Assert.Equal("A & B <C> 中文 \"q\"\nline", fast[0].Cells["备注"]);
        Assert.Equal(new DateTime(2022, 3, 16, 12, 0, 0), fast[1].Cells["日期"]);
        Assert.Equal("<raw> & text", fast[1].Cells["备注"]);
        Assert.Equal(true, fast[2].Cells["名称"]);
        Assert.Equal(-50d, fast[2].Cells["金额"]);
        Assert.Null(fast[2].Cells["日期"]);
    }

    [Fact]
    public void ALargeSheet_ReadAcrossBufferRefills_GivesEveryRowAsMiniExcelDoes()
    {
        // More than the reader's buffer (64 KB): tags, entities and texts cut at every place, a text longer than the
        // buffer (112 KB of XML, 32,000 characters: within Excel's cell limit), single quotes, a comment between cells and prefixed attributes the reader must pass over.
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:x14ac=\"urn:x\"><sheetData>");
        sheet.Append("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>4</v></c></row>");
        var longText = string.Concat(Enumerable.Repeat("长文本&amp;", 8_000));
        for (var r = 2; r <= 3001; r++)
        {
            var text = r == 1500 ? longText : $"第{r}行 &lt;{r}&gt;";
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r='{r}' x14ac:dyDescent='0.25'><c r='A{r}' t='inlineStr'><is><t>{text}</t></is></c><!-- c --><c s='0' r='B{r}'><v>{r}.5</v></c><c r='D{r}' t='str'><v>备注{r}</v></c></row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var file = File(sheet.ToString());

        var fast = ReadFast(file);
        var reference = MiniExcelLibs.MiniExcel.Query(new MemoryStream(file), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(3000, fast.Count);
        Assert.Equal(Enumerable.Range(2, 3000), fast.Select(r => r.Number));
        for (var i = 0; i < fast.Count; i++)
        {
            foreach (var header in new[] { "名称", "金额", "备注" })
            {
                Assert.Equal(reference[i][header], fast[i].Cells[header]);
            }
        }
        Assert.Equal(longText.Replace("&amp;", "&", StringComparison.Ordinal), fast[1498].Cells["名称"]);
        Assert.Equal("第2行 <2>", fast[0].Cells["名称"]);
        Assert.Equal(2.5, fast[0].Cells["金额"]);
        Assert.Null(fast[0].Cells["日期"]);
    }

    [Fact]
    public void AUtf16Sheet_ReadsAsTheUtf8One()
    {
        const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>名称</v></c></row>"
            + "<row r=\"2\"><c t=\"str\"><v>浙江大学</v></c></row></sheetData></worksheet>";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in new[]
            {
                ("xl/workbook.xml", Encoding.UTF8.GetBytes(Workbook)), ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(Relations)),
                ("xl/worksheets/sheet1.xml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Xml)).ToArray()),
            })
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(bytes);
            }
        }

        var row = Assert.Single(ReadFast(stream.ToArray()));

        Assert.Equal("浙江大学", row.Cells["名称"]);
    }

    [Theory]
    [InlineData("<worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>名称</v></c></row><row r=\"2\"><c t=\"str\"><v>a &bogus; b</v></c></row></sheetData></worksheet>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"x\">]><worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>名称</v></c></row></sheetData></worksheet>")]
    [InlineData("<worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>名称</v></c></row><row r=\"2\"><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>")]
    [InlineData("<worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>名称</v></c></row><row r=\"2\"><c t=\"str\"><v>unclosed</sheetData>")]
    public void AMalformedSheet_IsAnUnreadableFile(string sheet)
    {
        var error = Assert.Throws<InputException>(() => ReadFast(File(sheet)));

        Assert.Contains("file", error.Errors.Keys);
    }

    [Fact]
    public void Export_TextThatStartsLikeAFormula_IsWrittenBehindAnApostropheAndReadBackAsItWas()
    {
        string[] texts = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 138", "-负号开头", "@SUM(A1)", "普通名称", "'单引号开头"];
        var file = ExcelFile.Write(Headers, texts.Select(t => new object?[] { t, 1.5, null, "备注" }));

        var raw = MiniExcelLibs.MiniExcel.Query(new MemoryStream(file), useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["名称"]).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"点我\")", "'+86 138", "'-负号开头", "'@SUM(A1)", "普通名称", "'单引号开头"], raw);

        var columns = Headers.Select(h => new SheetColumn(h)).ToArray();
        var read = XlsxRows.Read(new MemoryStream(file), new ImportSheet("t.xlsx", "t", columns)).Select(r => r.Text(columns[0])).ToList();
        Assert.Equal(texts, read);
    }
}
