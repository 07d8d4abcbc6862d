using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;

namespace Kechuang.Platform;

public sealed record Command(string Name, string[] Arguments, string[] HostArgs);

/// <summary>
/// <c>kechuang [serve]</c> runs the web server; <c>kechuang audit verify</c> checks the audit chain;
/// <c>kechuang migrate</c> applies migrations and loads reference and demo data without serving.
/// Options after the command (<c>--Database:Provider=Postgres</c>) configure the host as usual.
/// Any other first word is looked up among the modules' registered <see cref="ICommand"/>s, which receive the
/// remaining words and every option.
/// </summary>
public static class CommandLine
{
    public static Command Parse(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        // A bare flag (restore … --force) followed by another option would take that option for its value in the
        // host's configuration (--force --Database:Provider=Postgres would lose the provider): it is given a value.
        var rest = args.Skip(words.Length)
            .Select((a, i) => a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)
                && (i + words.Length + 1 == args.Length || args[i + words.Length + 1].StartsWith('-')) ? a + "=true" : a)
            .ToArray();
        return words switch
        {
            [] or ["serve"] => new Command("serve", [], rest),
            ["audit", "verify"] => new Command("audit-verify", [], rest),
            ["migrate"] => new Command("migrate", [], rest),
            _ => new Command("unknown", words, rest),
        };
    }

    /// <summary>
    /// The content root when none is given and the current directory is not one: the application's own folder. A
    /// published app started from elsewhere (<c>dotnet /opt/kechuang/kechuang.dll</c>) would otherwise find neither
    /// appsettings.json nor wwwroot/, and serve without its settings or assets. Null keeps the host's default.
    /// </summary>
    public static string? ContentRoot(string[] hostArgs, string currentDirectory, string appDirectory)
    {
        var given = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return given || File.Exists(Path.Combine(currentDirectory, "appsettings.json")) || !File.Exists(Path.Combine(appDirectory, "appsettings.json"))
            ? null
            : appDirectory;
    }

    public static async Task<int> RunAsync(WebApplication app, Command command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        switch (command.Name)
        {
            case "audit-verify":
                {
                    user.UseSystemScope("audit-verify");
                    var report = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
                    if (report.BrokenAt is { } broken)
                    {
                        Console.Error.WriteLine($"审计链在第 {broken} 条断开：{report.Reason}（此前已核对 {report.Checked} 条）");
                        return 1;
                    }
                    Console.WriteLine($"审计链完整：已核对 {report.Checked} 条");
                    return 0;
                }
            case "migrate":
                {
                    await Startup.PrepareDatabaseAsync(app);
                    return 0;
                }
            default:
                {
                    var commands = scope.ServiceProvider.GetServices<ICommand>().ToList();
                    if (command.Arguments is [var name, ..] && commands.FirstOrDefault(c => c.Name == name) is { } module)
                    {
                        user.UseSystemScope(module.Name);
                        return await module.RunAsync([.. command.Arguments.Skip(1), .. command.HostArgs], scope.ServiceProvider, app.Lifetime.ApplicationStopping);
                    }
                    Console.Error.WriteLine($"未知命令：{string.Join(' ', command.Arguments)}");
                    Console.Error.WriteLine("用法: kechuang [serve] | audit verify | migrate  [--配置项=值 ...]");
                    foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
                    {
                        Console.Error.WriteLine($"      kechuang {c.Usage}");
                    }
                    return 2;
                }
        }
    }
}
