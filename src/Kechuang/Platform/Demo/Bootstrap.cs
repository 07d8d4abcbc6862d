using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Demo;

/// <param name="OtherAdministrators">The security and audit administrators created with <c>admin</c>, each with its password (generated, or the configured one).</param>
public sealed record BootstrapResult(bool Created, string? AdminPassword, bool PasswordFromConfiguration, IReadOnlyList<string> DemoAccounts,
    IReadOnlyList<(string UserName, string DisplayName, string Password)>? OtherAdministrators = null);

/// <summary>
/// Start-up work: applies migrations, loads reference data, and on an empty database creates the
/// administrator (password from <c>Admin:Password</c> or generated) and, when asked, the demo dataset.
/// </summary>
public sealed class Bootstrap(KechuangDb db, CurrentUser user, IConfiguration configuration, IPasswordHasher<Account> hasher,
    IEnumerable<IReferenceData> referenceData, IEnumerable<IDemoData> demoData, PersonalDataRotation personalData, ILogger<Bootstrap> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>The other two of the three administrators (等保 separation of duties), created with <c>admin</c>.</summary>
    public static readonly (string UserName, string DisplayName, Role Role)[] OtherAdministrators =
    [
        ("security", "安全管理员", Role.SecurityAdmin),
        ("auditor", "审计管理员", Role.AuditAdmin),
    ];

    public async Task<BootstrapResult> RunAsync(bool newDatabaseFile, CancellationToken cancellationToken = default)
    {
        user.UseSystemScope("startup");
        var empty = await DataSetup.MigrateAsync(db, cancellationToken);
        await personalData.EnsureKeysKnownAsync(cancellationToken);
        // Phone and 身份证 numbers written before they were encrypted are encrypted before anything reads them.
        var encrypted = await personalData.EncryptPlainValuesAsync(cancellationToken);
        if (encrypted.Total > 0)
        {
            logger.LogInformation("已加密此前以明文保存的 {Count} 个电话和身份证号码", encrypted.Total);
        }
        foreach (var data in referenceData.OrderBy(d => d.Order))
        {
            await data.LoadAsync(db, cancellationToken);
        }
        if (!empty)
        {
            return new BootstrapResult(false, null, false, []);
        }
        var configured = configuration["Admin:Password"];
        if (configured is not null && PasswordPolicy.Problem(configured) is { } problem)
        {
            throw new InvalidOperationException($"Admin:Password 不符合密码策略：{problem}");
        }
        var password = configured ?? PasswordPolicy.Generate();
        // A password set by configuration was chosen by the operator; a generated one must be changed.
        var mustChange = configured is null;
        var admin = new Account(AdminUserName, "系统管理员", Role.CityAdmin, "330700", null, "", mustChange, db.UtcNow);
        admin.SetPassword(hasher.HashPassword(admin, password), mustChange, db.UtcNow);
        db.Accounts.Add(admin);
        // Each its own generated password (they go to three different people); a configured password serves all three.
        var others = OtherAdministrators.Select(a => (a.UserName, a.DisplayName, a.Role, Password: configured ?? PasswordPolicy.Generate())).ToList();
        foreach (var other in others)
        {
            var account = new Account(other.UserName, other.DisplayName, other.Role, "330700", null, "", mustChange, db.UtcNow);
            account.SetPassword(hasher.HashPassword(account, other.Password), mustChange, db.UtcNow);
            db.Accounts.Add(account);
        }
        await db.SaveChangesAsync(cancellationToken);

        var seed = configuration.GetValue<bool?>("Demo:Seed") ?? newDatabaseFile;
        var demoAccounts = new List<string>();
        if (seed)
        {
            logger.LogInformation("Loading the demo dataset");
            var context = new DemoContext(db, password, mustChange);
            foreach (var data in demoData.OrderBy(d => d.Order))
            {
                await data.LoadAsync(context, cancellationToken);
                db.ChangeTracker.Clear();
            }
            var administrators = others.Select(o => o.UserName).ToList();
            demoAccounts.AddRange(await db.Accounts.Where(a => a.UserName != AdminUserName && !administrators.Contains(a.UserName)).OrderBy(a => a.UserName)
                .Select(a => a.UserName + "（" + a.DisplayName + "）").ToListAsync(cancellationToken));
        }
        return new BootstrapResult(true, password, !mustChange, demoAccounts, [.. others.Select(o => (o.UserName, o.DisplayName, o.Password))]);
    }
}
