using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The import kit's guarantees that need no database: the 413 before the body is read, and sheets that cannot drift.</summary>
public sealed class ImportKitTests
{
    /// <summary>A request body that fails the test if anything reads it.</summary>
    private sealed class UnreadableBody : MemoryStream
    {
        public bool Touched { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => throw Touch();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw Touch();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw Touch();

        private InvalidOperationException Touch()
        {
            Touched = true;
            return new InvalidOperationException("the body was read");
        }
    }

    [Fact]
    public async Task ImportFile_DeclaredLengthOverTheLimit_Is413BeforeTheBodyIsRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ImportUpload.Setting] = "2" }).Build();
        var body = new UnreadableBody();
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton<IConfiguration>(configuration).BuildServiceProvider() };
        context.Request.ContentType = "multipart/form-data; boundary=x";
        context.Request.ContentLength = (3 * 1024 * 1024) + 1;
        context.Request.Body = body;

        var refused = await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await ImportFile.BindAsync(context, null!));

        Assert.Equal("文件不能超过 2 MB，请拆分为几个文件分批导入", refused.Message);
        Assert.Equal(413, ProblemHandler.Map(refused).Status);
        Assert.False(body.Touched);
    }

    [Fact]
    public void ImportSheet_ExportMissingAColumn_FailsAtDeclaration()
    {
        var name = new SheetColumn("名称", "name");
        var code = new SheetColumn("代码", "code");
        var sheet = new ImportSheet("模板.xlsx", "t_table", name, code);

        var error = Assert.Throws<InvalidOperationException>(() => sheet.Export<string>("导出.xlsx", new() { [name] = s => s }));

        Assert.Contains("代码", error.Message);
        Assert.Equal(["名称", "代码"], sheet.Export<string>("导出.xlsx", new() { [code] = s => s.Length, [name] = s => s }).Headers);
        Assert.Equal("代码", sheet.ColumnOf("code"));
        Assert.Equal("other", sheet.ColumnOf("other"));
    }

    [Fact]
    public void SheetColumn_InTwoSheets_IsRefused()
    {
        var name = new SheetColumn("名称", "name");
        _ = new ImportSheet("a.xlsx", "a", name);

        Assert.Throws<InvalidOperationException>(() => new ImportSheet("b.xlsx", "b", name));
    }

    [Fact]
    public void Export_OfNoRows_StillCarriesTheHeaders_AndRowsReadBackInOrder()
    {
        var export = new ExportSheet<(string Name, decimal Amount)>("x.xlsx", "t").Column("名称", r => r.Name).Column("金额（元）", r => r.Amount);

        var empty = export.Write([]);
        var two = export.Write([("甲", 1.5m), ("乙", 2m)]);

        Assert.Equal(["名称", "金额（元）"], MiniExcelLibs.MiniExcel.GetColumns(new MemoryStream(empty), useHeaderRow: true));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(two), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["甲", "乙"], rows.Select(r => r["名称"]));
        Assert.Equal([1.5, 2.0], rows.Select(r => Convert.ToDouble(r["金额（元）"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2023-05-14", "2023-05-14")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData(" 2023-12-31 ", "2023-12-31")]
    [InlineData("2023/5/14", "2023-05-14")]
    [InlineData("2023-5-4", "2023-05-04")]
    [InlineData("2023年5月14日", "2023-05-14")]
    [InlineData("20230514", "2023-05-14")]
    [InlineData("2023-02-29", null)]
    [InlineData("2023-04-31", null)]
    [InlineData("2023-13-01", null)]
    [InlineData("2023-00-10", null)]
    [InlineData("0000-01-01", null)]
    [InlineData("2023-0a-01", null)]
    [InlineData("2023+05+14", null)]
    public void Date_ReadsTheTemplatesFormAndTheOthers_AndRefusesImpossibleDays(string text, string? expected)
    {
        var column = new SheetColumn("签订日期", "signDate");
        _ = new ImportSheet("t.xlsx", "t", column);
        var errors = new FieldErrors();

        var day = new SheetRow(2, [text]).Date(column, errors);

        Assert.Equal(expected, day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null, errors.Any);
        if (expected is null)
        {
            Assert.Contains("不是有效日期", string.Join("", errors.ToDictionary()["signDate"]), StringComparison.Ordinal);
        }
    }
}
