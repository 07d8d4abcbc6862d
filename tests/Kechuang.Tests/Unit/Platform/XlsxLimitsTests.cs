using System.Text;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Support.Workbooks;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>
/// The reader stops a hostile file where a limit is passed, with the Chinese message of the limit, holding little of it.
/// Memory is measured as the bytes the test's thread allocated while reading (the reader runs on the caller's thread):
/// nothing else allocates on that thread, so the figure does not move with other tests running beside it, and since
/// whatever the reader held it first allocated, it bounds the reader's peak from above.
/// </summary>
public sealed class XlsxLimitsTests
{
    private const long Megabyte = 1024 * 1024;
    private static readonly SheetColumn[] Columns = [new("名称"), new("备注")];
    private static readonly ImportSheet Sheet = new("t.xlsx", "t", Columns);

    /// <summary>Reads every row; the file's problem, if any, and the bytes allocated meanwhile.</summary>
    private static (List<SheetRow> Rows, string? Problem, long Allocated) Read(byte[] file, ImportLimits? limits = null)
    {
        var rows = new List<SheetRow>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            foreach (var row in XlsxRows.Read(new MemoryStream(file), Sheet, limits))
            {
                rows.Add(row);
            }
            return (rows, null, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        catch (InputException e)
        {
            return (rows, e.Errors["file"].Single(), GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void Defaults_AreThoseDocumented()
    {
        Assert.Equal(256, ImportLimits.Default.MaxInflatedMegabytes);
        Assert.Equal(200_000, ImportLimits.Default.MaxRows);
        Assert.Equal(32_767, ImportLimits.Default.MaxCellCharacters);
        Assert.Equal(1_000, ImportLimits.Default.MaxReportedErrors);
    }

    [Fact]
    public void Sheet_InflatingToGigabytes_IsRefusedBeforeItIsInflated()
    {
        var file = GigabyteSheet;

        var (rows, problem, allocated) = Read(file);

        Assert.True(file.Length < 16 * Megabyte, $"the bomb is {file.Length} bytes zipped");
        Assert.Empty(rows);
        Assert.Equal("文件解压后超过 256 MB（内容过大或文件已损坏），未导入任何记录，请拆分为几个文件分批导入", problem);
        Assert.True(allocated < 4 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public void Sheet_DeclaringLessThanItInflatesTo_IsReadNoFurtherThanItsDeclaredSize()
    {
        // The zip says the part inflates to 4 MB and it holds 1.3 GB of rows: the runtime stops the part at its declared
        // size, so the sheet ends in the middle of a tag; the kit counts what is inflated as well (next test).
        var lying = Declaring(GigabyteSheet, SheetPath, 4 * 1024 * 1024);

        var (rows, problem, allocated) = Read(lying);

        Assert.Equal("无法读取文件，请上传 .xlsx 格式的 Excel 文件", problem);
        Assert.InRange(rows.Count, 1, 4 * Megabyte / 50);
        Assert.True(allocated < 32 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public void Parts_EachUnderTheLimit_AreRefusedWhenTogetherOver()
    {
        // 6 MB of shared strings are counted as they are inflated; the 4 MB sheet after them no longer fits in 8 MB.
        var limits = new ImportLimits { MaxInflatedMegabytes = 8 };
        var shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>名称</t></si>"
            + string.Concat(Enumerable.Repeat("<si><t>共享</t></si>", (int)(6 * Megabyte / 20))) + "</sst>";
        var sheet = Build(s =>
        {
            Write(s, SheetStart + "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>");
            Repeat(s, " ", 4 * Megabyte);
            Write(s, SheetEnd);
        }, shared);
        var smallerSheet = Build(s => Write(s, SheetStart + "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>" + Row(2, "甲") + SheetEnd), shared);

        var (_, problem, _) = Read(sheet, limits);
        var (rows, none, _) = Read(smallerSheet, limits);

        Assert.Equal("文件解压后超过 8 MB（内容过大或文件已损坏），未导入任何记录，请拆分为几个文件分批导入", problem);
        Assert.Null(none);
        Assert.Single(rows);
    }

    [Fact]
    public void Rows_OverTheLimit_AreRefused_BlankRowsNotCounted()
    {
        var limits = new ImportLimits { MaxRows = 100 };
        static byte[] File(int rows) => Workbooks.Sheet(
            new[] { Row(1, "名称", "备注"), Row(2), Row(3, null, null) }.Concat(Enumerable.Range(4, rows).Select(r => Row(r, $"第{r}行"))));

        var (atLimit, none, _) = Read(File(100), limits);
        var (overLimit, problem, _) = Read(File(101), limits);

        Assert.Null(none);
        Assert.Equal(100, atLimit.Count);
        Assert.Equal("文件的数据行超过 100 行，未导入任何记录，请拆分为几个文件分批导入", problem);
        Assert.Equal(100, overLimit.Count);
        Assert.Equal("文件的数据行超过 200,000 行，未导入任何记录，请拆分为几个文件分批导入", ImportLimits.Default.TooManyRows().Errors["file"][0]);
    }

    [Theory]
    [InlineData("a", 32_767, null)]
    [InlineData("技", 32_767, null)] // three bytes a character: exactly the scanner's byte bound
    [InlineData("a", 32_768, 3)]
    [InlineData("技", 32_768, 3)]
    [InlineData("😀", 16_384, 3)] // two UTF-16 characters each: 32,768 characters in 65,536 bytes
    public void Cell_AtAndOverExcelsLimit_IsReadOrRefusedNamingItsRow(string character, int repeat, int? refusedRow)
    {
        var text = string.Concat(Enumerable.Repeat(character, repeat));
        var file = Workbooks.Sheet([Row(1, "名称", "备注"), Row(2, "短"), Row(3, "短", text)]);

        var (rows, problem, _) = Read(file);

        if (refusedRow is null)
        {
            Assert.Null(problem);
            Assert.Equal(text, rows[1].Text(Columns[1]));
        }
        else
        {
            Assert.Equal($"第 {refusedRow} 行有单元格超过 32,767 个字符（Excel 单元格的上限），未导入任何记录", problem);
        }
    }

    [Fact]
    public void Cell_OfFiftyMegabytes_IsRefusedHoldingAFewBuffers()
    {
        // Under the inflated limit: only the cell limit stops it. Read whole, the cell would take 50 MB of bytes and
        // 100 MB as a string (the reviewed server failed with OutOfMemoryException on a cell of 1.2 GB).
        var file = Build(sheet =>
        {
            Write(sheet, SheetStart + Row(1, "名称", "备注") + "<row r=\"2\"><c t=\"inlineStr\"><is><t>");
            Repeat(sheet, "长", 50 * Megabyte);
            Write(sheet, "</t></is></c></row>" + SheetEnd);
        });

        var (_, problem, allocated) = Read(file);

        Assert.Equal("第 2 行有单元格超过 32,767 个字符（Excel 单元格的上限），未导入任何记录", problem);
        Assert.True(allocated < 4 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public void TextBetweenCells_OfFiftyMegabytes_IsPassedOverThroughOneBuffer()
    {
        // Whitespace between tags is no cell: it is read and dropped a buffer at a time, not gathered first.
        var file = Build(sheet =>
        {
            Write(sheet, SheetStart + Row(1, "名称", "备注"));
            Repeat(sheet, " \r\n", 50 * Megabyte);
            Write(sheet, Row(2, "甲&乙", "丙") + SheetEnd);
        });

        var (rows, problem, allocated) = Read(file);

        Assert.Null(problem);
        Assert.Equal("甲&乙", Assert.Single(rows).Text(Columns[0]));
        Assert.True(allocated < 4 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public void SharedString_OverExcelsLimit_IsRefused()
    {
        var shared = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>名称</t></si><si><r><t>");
        shared.Append('长', 30_000).Append("</t></r><r><t>").Append('长', 2_768).Append("</t></r></si></sst>");
        var file = Build(sheet => Write(sheet, SheetStart + "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>" + SheetEnd), shared.ToString());

        var (_, problem, _) = Read(file);

        Assert.Equal("文件中有单元格超过 32,767 个字符（Excel 单元格的上限），未导入任何记录", problem);
    }

    [Fact]
    public void Row_WiderThanExcelsColumns_IsUnreadable()
    {
        var wide = "<row r=\"2\">" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 16_385)) + "</row>";
        var file = Workbooks.Sheet([Row(1, "名称", "备注"), wide]);

        var (_, problem, _) = Read(file);

        Assert.Equal("无法读取文件，请上传 .xlsx 格式的 Excel 文件", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(21)]
    public void File_ShorterThanAnEmptyZip_IsUnreadable(int length)
    {
        var (_, problem, _) = Read(new byte[length]);

        Assert.Equal("无法读取文件，请上传 .xlsx 格式的 Excel 文件", problem);
    }
}
