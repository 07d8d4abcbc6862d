using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform;

public static class Startup
{
    /// <summary>Migrates, loads reference and demo data, and prints the address and the administrator account.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        var newFile = false;
        if (db.IsSqlite)
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            newFile = source == ":memory:" || !File.Exists(source);
        }
        var result = await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(newFile);
        var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : app.Configuration["urls"] ?? "http://127.0.0.1:5080";
        Console.WriteLine();
        Console.WriteLine($"科创 Kechuang 已启动: {urls}");
        if (result.Created)
        {
            Console.WriteLine($"管理员账号: {Bootstrap.AdminUserName}");
            Console.WriteLine(result.PasswordFromConfiguration
                ? "管理员密码: 由配置 Admin:Password 指定"
                : $"管理员密码: {result.AdminPassword}   （首次登录后须修改）");
            foreach (var other in result.OtherAdministrators ?? [])
            {
                Console.WriteLine(result.PasswordFromConfiguration
                    ? $"{other.DisplayName}账号: {other.UserName}   密码同管理员"
                    : $"{other.DisplayName}账号: {other.UserName}   密码: {other.Password}   （首次登录后须修改）");
            }
            Console.WriteLine("管理员、安全管理员、审计管理员首次登录时须绑定动态口令（手机身份验证器）");
            if (result.DemoAccounts.Count > 0)
            {
                Console.WriteLine($"演示账号（密码同管理员）: {string.Join("，", result.DemoAccounts)}");
            }
        }
        Console.WriteLine();
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (KechuangDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Problem(title: "数据库不可用", statusCode: 503))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
