using AntDesign;
using Bunit;
using Kechuang.Platform.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Unit.Ui;

/// <summary>
/// A page whose save fails in a way the page did not expect shows the API's Chinese answer with a trace number, keeps
/// the exception's own text to the log, and offers the page again; before, the page's connection ended without a word.
/// </summary>
public sealed class PageErrorBoundaryTests : IDisposable
{
    private readonly BunitContext _context = new();

    public PageErrorBoundaryTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        // The alert measures itself after its first render; in the browser the script answers.
        _context.JSInterop.Setup<AntDesign.JsInterop.HtmlElement>("AntDesign.interop.domInfoHelper.getInfo", _ => true).SetResult(new AntDesign.JsInterop.HtmlElement());
        _context.Services.AddAntDesign();
        _context.Services.AddLocalization();
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Click_UnexpectedFailure_ShowsTheAnswerAndTraceNumberNotTheExceptionText()
    {
        var page = _context.Render<PageErrorBoundary>(p => p.AddChildContent<SavingPage>(c => c.Add(x => x.Failure, new InvalidOperationException("connection string secret"))));

        page.Find("#save").Click();

        var failure = page.WaitForElement("#page-failure").TextContent;
        Assert.Contains("本次操作没有完成", failure, StringComparison.Ordinal);
        Assert.Contains("系统内部错误，请将追踪号提供给管理员", failure, StringComparison.Ordinal);
        Assert.Matches("追踪号：[0-9a-f]{32}", failure);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#save"));
    }

    [Fact]
    public void Click_StorageFull_SaysNothingWasSaved()
    {
        var page = _context.Render<PageErrorBoundary>(p => p.AddChildContent<SavingPage>(c => c.Add(x => x.Failure, new SqliteException("database or disk is full", 13))));

        page.Find("#save").Click();

        Assert.Contains("服务器存储空间已满，本次操作没有保存", page.WaitForElement("#page-failure").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Back_AfterFailure_ShowsThePageAgain()
    {
        var page = _context.Render<PageErrorBoundary>(p => p.AddChildContent<SavingPage>(c => c.Add(x => x.Failure, new InvalidOperationException("boom"))));
        page.Find("#save").Click();

        page.WaitForElement("#page-failure-back").Click();

        // The button's click handler is asynchronous: the page comes back on the render after it, which a loaded
        // machine may run after the click returns.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#page-failure")), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("#save"));
    }

    [Fact]
    public async Task TryAsync_DatabaseUnreachable_KeepsTheFormWithTheRetryMessage()
    {
        var problems = new FormProblems();

        var ok = await problems.TryAsync(() => throw new Npgsql.NpgsqlException("Exception while connecting", new System.Net.Sockets.SocketException(111)));

        Assert.False(ok);
        Assert.StartsWith("数据库暂时无法连接，本次操作没有完成", problems.Alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAsync_UnexpectedFailure_IsLeftToThePageBoundary()
    {
        var problems = new FormProblems();

        await Assert.ThrowsAsync<InvalidOperationException>(() => problems.TryAsync(() => throw new InvalidOperationException("boom")));
    }

    /// <summary>A page with one save button whose save fails after its first await, as a database call does.</summary>
    private sealed class SavingPage : ComponentBase
    {
        [Parameter]
        public Exception? Failure { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "id", "save");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, SaveAsync));
            builder.AddContent(3, "保存");
            builder.CloseElement();
        }

        private async Task SaveAsync()
        {
            await Task.Yield();
            throw Failure!;
        }
    }
}
