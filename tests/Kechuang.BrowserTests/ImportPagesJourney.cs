using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Kechuang.BrowserTests;

/// <summary>
/// The import pages share the kit's import button and outcome: a good file enters its rows and the list reloads with
/// them; a file with a bad row is refused whole with the row listed; each page links its own template.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ImportPagesJourney(BrowserApp app)
{
    [Fact]
    public async Task CountyStaff_ImportsPeople_ThenContractsWithABadRow_OnTheSameImportControls()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var people = Path.Combine(Path.GetTempPath(), $"people-{tag}.xlsx");
        var contracts = Path.Combine(Path.GetTempPath(), $"contracts-{tag}.xlsx");
        await MiniExcel.SaveAsAsync(people, new[] { Person($"导入甲{tag}"), Person($"导入乙{tag}") });
        await MiniExcel.SaveAsAsync(contracts, new[] { Contract($"导入合同{tag}", "不存在的卖方有限公司") });
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/directory/people");
        await page.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        var before = Total(await page.Locator(".kc-total").InnerTextAsync());
        Assert.Equal("/api/v1/people/import-template", await page.Locator("#import-people-template").GetAttributeAsync("href"));
        await ChooseAsync(page, "#import-people", people);
        await page.GetByText("导入成功：共导入 2 名人员").WaitForAsync();
        // The list reloads after an import: its total counts the new people.
        await Assertions.Expect(page.Locator(".kc-total")).ToContainTextAsync($"共 {before + 2} ");
        await Journey.ScreenshotAsync(page, "09-import-people-done");

        await Journey.GoInteractiveAsync(page, "/contracts");
        await page.Locator(".kc-total").WaitForAsync();
        var contractsBefore = await page.Locator(".kc-total").InnerTextAsync();
        Assert.Equal("/api/v1/contracts/import-template", await page.Locator("#import-contracts-template").GetAttributeAsync("href"));
        await ChooseAsync(page, "#import-contracts", contracts);
        var errors = page.Locator("#import-errors");
        await errors.WaitForAsync();
        Assert.Contains("卖方名称", await errors.InnerTextAsync(), StringComparison.Ordinal);
        var rowNumbers = await errors.Locator("tbody tr.ant-table-row td:first-child").AllInnerTextsAsync();
        Assert.Contains("2", rowNumbers.Select(r => r.Trim()));
        Assert.Equal(contractsBefore, await page.Locator(".kc-total").InnerTextAsync());

        await Journey.GoInteractiveAsync(page, "/carriers");
        Assert.Equal("/api/v1/carriers/tenancies/import-template", await page.Locator("#import-tenancies-template").GetAttributeAsync("href"));
        await Journey.GoInteractiveAsync(page, "/directory/organizations");
        Assert.Equal("/api/v1/organizations/import-template", await page.Locator("#import-organizations-template").GetAttributeAsync("href"));
        await Journey.EndAsync(page);
        File.Delete(people);
        File.Delete(contracts);
    }

    /// <summary>Chooses the file once the circuit's InputFile listens (a file chosen on the prerendered page is never read).</summary>
    private static async Task ChooseAsync(IPage page, string button, string file)
    {
        await page.WaitForFunctionAsync($"() => document.querySelector('{button} input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator($"{button} input[type=file]").SetInputFilesAsync(file);
    }

    private static int Total(string text) => int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Person(string name) => new()
    {
        ["姓名"] = name,
        ["人员类别"] = "专家",
        ["所属组织"] = null,
        ["行政区划代码"] = "330723",
        ["职称/职务"] = "高级工程师",
        ["专业领域"] = "电动工具",
        ["联系电话"] = null,
        ["身份证号码"] = null,
    };

    private static Dictionary<string, object?> Contract(string title, string seller) => new()
    {
        ["合同名称"] = title,
        ["合同类型"] = "委托开发",
        ["技术转让类别"] = null,
        ["卖方名称"] = seller,
        ["卖方统一社会信用代码"] = null,
        ["买方名称"] = "武义县恒达电动工具有限公司",
        ["买方统一社会信用代码"] = null,
        ["签订日期"] = "2025-03-01",
        ["合同成交额（元）"] = 100000,
        ["技术交易额（元）"] = 80000,
        ["登记号"] = null,
        ["登记日期"] = null,
    };
}
