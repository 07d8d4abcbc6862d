using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk records an institute–county project (重大, with its errors first), a key lab with its first recognition
/// step, and a cooperation that names the registered contract it led to, found on the server by typing and chosen with the
/// keyboard; then clears the link again. The forms and the key lab's page are looked at on a phone too. It adds records,
/// so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class TransferFormsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private const string ProjectName = "浙江大学—武义县电动工具无刷电机关键技术攻关";
    private const string LabName = "武义县电动工具产业研究院";

    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_RecordAProjectAKeyLabAndTheContractOfACooperation()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        // 院县合作项目: saved empty first, the handler's Chinese messages stand under each field.
        await Journey.GoInteractiveAsync(page, "/transfer/projects");
        await page.Locator("#new-project").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/transfer/projects/new", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#save").ClickAsync();
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "请输入项目名称" }).WaitForAsync();
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "请选择合作院校" }).WaitForAsync();
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "请填写立项日期" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "transfer-10-project-form-errors");
        await page.Locator("#name").FillAsync(ProjectName);
        await Journey.ChooseAsync(page, "#institutionId", "浙江大学", "浙江大学");
        await Journey.ChooseAsync(page, "#enterpriseId", "武义县恒达电动工具有限公司", "恒达");
        await Journey.TypeDateAsync(page, page.Locator("input#approvedOn, #approvedOn input").First, "2026-03-02");
        await page.Locator("#funding").FillAsync("1500000");
        await page.Locator("#isMajor").CheckAsync();
        await page.Locator("#note").FillAsync("无刷电机控制算法及整机轻量化，浙江大学团队驻企攻关。");
        await Journey.ScreenshotAsync(page, "transfer-11-project-form");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        var project = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = ProjectName });
        await project.WaitForAsync();
        var row = await project.InnerTextAsync();
        Assert.Contains("重大", row, StringComparison.Ordinal);
        Assert.Contains("150万元", row, StringComparison.Ordinal);
        Assert.Contains("2026-03-02", row, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-12-project-saved");

        // Its 修改 opens the same form with what was saved.
        await project.Locator("a", new LocatorLocatorOptions { HasText = "修改" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/transfer/projects/[0-9a-f-]{36}/edit$"));
        await Journey.WaitInteractiveAsync(page);
        Assert.Equal(ProjectName, await page.Locator("#name").InputValueAsync());
        Assert.True(await page.Locator("#isMajor").IsCheckedAsync());
        await page.Locator("#funding").FillAsync("1800000");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "180万元" }).WaitForAsync();

        // 重点实验室、产业研究院: created, then its first recognition step on its page; the same step twice is refused.
        await Journey.GoInteractiveAsync(page, "/transfer/key-labs");
        await page.Locator("#new-key-lab").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/transfer/key-labs/new", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#name").FillAsync(LabName);
        await Journey.ChooseAsync(page, "#kind", "产业研究院");
        await Journey.ChooseAsync(page, "#hostId", "武义县恒达电动工具有限公司", "恒达");
        await Journey.ChooseAsync(page, "#institutionId", "浙江工业大学", "浙江工业");
        await Journey.TypeDateAsync(page, page.Locator("input#foundedOn, #foundedOn input").First, "2025-06-18");
        await page.Locator("#fields").FillAsync("电动工具；锂电池包；无刷电机");
        await Journey.ScreenshotAsync(page, "transfer-13-key-lab-form");
        await Journey.SaveAsync(page);
        Assert.Matches(new Regex("/transfer/key-labs/[0-9a-f-]{36}\\?saved=1$"), page.Url);
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("尚未登记认定环节", await page.Locator("#lab-state").InnerTextAsync(), StringComparison.Ordinal);
        var labUrl = page.Url.Split('?')[0];
        await Journey.ChooseAsync(page, "#recognition-level", "市级");
        await Journey.ChooseAsync(page, "#recognition-step", "列入建设名单");
        await Journey.TypeDateAsync(page, page.Locator("input#recognition-on, #recognition-on input").First, "2025-12-20");
        await page.Locator("#recognition-document").FillAsync("2025年金华市产业研究院建设名单");
        await page.Locator("#add-recognition").ClickAsync();
        await page.Locator("#recognitions .ant-table-tbody tr", new PageLocatorOptions { HasText = "2025年金华市产业研究院建设名单" }).WaitForAsync();
        Assert.Contains("当前：市级列入建设名单", await page.Locator("#lab-state").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ChooseAsync(page, "#recognition-step", "列入建设名单");
        await Journey.TypeDateAsync(page, page.Locator("input#recognition-on, #recognition-on input").First, "2025-12-21");
        await page.Locator("#add-recognition").ClickAsync();
        await page.Locator("#recognition-alert", new PageLocatorOptions { HasText = "已登记市级“列入建设名单”" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "transfer-14-key-lab");
        await Journey.GoInteractiveAsync(page, "/transfer/key-labs?q=" + Uri.EscapeDataString(LabName));
        Assert.Contains("市级 列入建设名单", await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = LabName }).InnerTextAsync(), StringComparison.Ordinal);

        // 校企合作 and its registered contract: the parties' contracts are offered before anything is typed; typing narrows
        // the list on the server, and the arrow keys choose.
        await Journey.GoInteractiveAsync(page, "/transfer/cooperations/new");
        await page.Locator("#title").FillAsync("无刷电机控制器联合攻关");
        await Journey.ChooseAsync(page, "#enterpriseId", "武义县恒达电动工具有限公司", "恒达");
        await Journey.ChooseAsync(page, "#institutionId", "浙江大学", "浙江大学");
        await page.Locator("#contractId optgroup[label='合作双方签订的合同'] option", new PageLocatorOptions { HasText = "无刷电机控制器技术开发" })
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Journey.ChooseAsync(page, "#kind", "合作开发");
        await Journey.TypeDateAsync(page, page.Locator("input#signedOn, #signedOn input").First, "2022-03-10");
        await page.Locator("#contract-search").FocusAsync();
        await page.Keyboard.TypeAsync("无刷电机控制器");
        // Only the one contract whose title holds the words is left (the first option is 不关联).
        await Assertions.Expect(page.Locator("#contractId option")).ToHaveCountAsync(2);
        var options = await page.Locator("#contractId option").AllInnerTextsAsync();
        Assert.StartsWith("不关联", options[0], StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\S+ · 无刷电机控制器技术开发 · 1052\.2万元$"), options[1]);
        await KeyboardFocus.MoveToAsync(page, "contractId");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await page.Locator("#contractId").InputValueAsync());
        await Journey.ScreenshotAsync(page, "transfer-15-cooperation-contract");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        var link = await page.Locator("#contract-link").InnerTextAsync();
        Assert.Contains("无刷电机控制器技术开发", link, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\S+ · "), link);
        Assert.Contains("1052.2万元", await page.Locator(".ant-descriptions").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-16-cooperation-contract-linked");
        var cooperationUrl = page.Url.Split('?')[0];

        // The edit form shows the contract chosen; its first option clears the link.
        await Journey.GoInteractiveAsync(page, cooperationUrl + "/edit");
        Assert.Contains("无刷电机控制器技术开发", await page.Locator("#contractId option:checked").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#contractId").SelectOptionAsync("");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "尚未关联登记的技术合同" }).WaitForAsync();
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        await Journey.GoInteractiveAsync(phone, "/transfer/projects/new");
        await Phone.AssertNoHorizontalOverflowAsync(phone, "project form");
        await Journey.ScreenshotAsync(phone, "transfer-17-project-form-phone");
        await Journey.GoInteractiveAsync(phone, labUrl);
        await phone.Locator("#recognitions .ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "key lab");
        await Journey.ScreenshotAsync(phone, "transfer-18-key-lab-phone");
        await Journey.GoInteractiveAsync(phone, cooperationUrl + "/edit");
        await Phone.AssertNoHorizontalOverflowAsync(phone, "cooperation form");
        await Journey.ScreenshotAsync(phone, "transfer-19-cooperation-form-phone");
        await Journey.EndAsync(phone);
    }
}
