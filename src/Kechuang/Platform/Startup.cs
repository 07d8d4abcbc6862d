using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Problems;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform;

public static class Startup
{
    /// <summary>Migrates, loads reference and demo data, and prints the address and the administrator account.</summary>
    /// <returns>False when the database's storage cannot be used (the reason is printed); the process should end.</returns>
    public static async Task<bool> PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        KechuangDb? db = null;
        BootstrapResult result;
        try
        {
            db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
            var newFile = false;
            if (db.IsSqlite)
            {
                var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                newFile = source == ":memory:" || !File.Exists(source);
            }
            result = await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(newFile);
        }
        catch (Exception e) when (db is not null && StorageProblems.Describe(e) is { } storage)
        {
            // An operator's mistake to correct (permissions, space), not a defect: one line that says what and where.
            await Console.Error.WriteLineAsync($"科创 Kechuang 无法启动：{storage}（{Where(db)}）。请检查磁盘空间和文件权限后再启动。");
            return false;
        }
        catch (Kechuang.Platform.Crypto.PersonalDataException e)
        {
            // Keys that are badly configured or missing for the data: the operator's to correct, said in one line.
            await Console.Error.WriteLineAsync($"科创 Kechuang 无法启动：{e.Message}");
            return false;
        }
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
        return true;
    }

    private static string Where(KechuangDb db) => db.IsSqlite
        ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource
        : "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Password = null }.Host;
}
