using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

public sealed record AccountInput(string? UserName, string? Password, string? DisplayName, string? Role, string? RegionCode, Guid? OrganizationId, bool? MustChangePassword);

public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string Role, string RoleName, string RegionCode, Guid? OrganizationId,
    bool Disabled, bool Locked, bool MustChangePassword, DateTime? LastSignInAt, DateTime CreatedAt, bool SecondFactor = false);

public sealed record AccountQuery(string? Role = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>
/// Accounts are created, changed, disabled, unlocked and reset here. Separation of duties (等保): the city
/// administrator (系统管理员) manages the business accounts; the administrator accounts — city, security and audit
/// administrators — are managed by the security administrator only. Nobody changes their own role.
/// </summary>
public sealed class AccountAdminHandler(KechuangDb db, IPasswordHasher<Account> hasher, IDirectoryLookup directory, SecondFactor secondFactor)
{
    /// <summary>Refuses a caller who may not manage an account of <paramref name="role"/> (or give an account that role).</summary>
    private async Task MayManageAsync(Role role, CancellationToken cancellationToken)
    {
        if (db.User.Scope.All)
        {
            return;
        }
        var caller = db.User.Role;
        if (role.IsAdministrator())
        {
            // An installation from before the three roles has no security administrator yet: its city administrator creates one.
            if (caller == Role.SecurityAdmin
                || (caller == Role.CityAdmin && !await db.Accounts.AnyAsync(a => a.Role == Role.SecurityAdmin && !a.Disabled, cancellationToken)))
            {
                return;
            }
            throw new ForbiddenException("管理员账号（市局管理员、安全管理员、审计管理员）只能由安全管理员管理");
        }
        if (caller != Role.CityAdmin)
        {
            throw new ForbiddenException("业务账号由市局管理员（系统管理员）管理");
        }
    }

    public async Task<Guid> CreateAsync(AccountInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var errors = new FieldErrors();
        var userName = errors.Text("userName", "用户名", input.UserName, 64).ToLowerInvariant();
        if (userName.Length > 0 && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors.Add("userName", "用户名只能包含字母、数字和 . - _");
        }
        if (PasswordPolicy.Problem(input.Password) is { } problem)
        {
            errors.Add("password", problem);
        }
        var (displayName, role, region) = ValidateProfile(input, errors);
        errors.ThrowIfAny();
        await MayManageAsync(role!.Value, cancellationToken);
        await CheckProfileAsync(role!.Value, region, input.OrganizationId, cancellationToken);
        if (await db.Accounts.AnyAsync(a => a.UserName == userName, cancellationToken))
        {
            throw new RuleException("access.duplicate-user-name", $"用户名 {userName} 已存在");
        }
        var account = new Account(userName, displayName, role.Value, region, input.OrganizationId, "", input.MustChangePassword ?? true, db.UtcNow);
        account.SetPassword(hasher.HashPassword(account, input.Password!), input.MustChangePassword ?? true, db.UtcNow);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }

    public async Task UpdateAsync(Guid id, AccountInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var account = await FindAsync(id, cancellationToken);
        var errors = new FieldErrors();
        var (displayName, role, region) = ValidateProfile(input, errors);
        errors.ThrowIfAny();
        await MayManageAsync(account.Role, cancellationToken);
        await MayManageAsync(role!.Value, cancellationToken);
        if (account.Id == db.User.AccountId && role != account.Role)
        {
            throw new RuleException("access.cannot-change-own-role", "不能修改自己的角色");
        }
        await CheckProfileAsync(role!.Value, region, input.OrganizationId, cancellationToken);
        account.Update(displayName, role.Value, region, input.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sortable columns of the account list; by user name by default.</summary>
    internal static readonly SortMap<Account> Sorts = new SortMap<Account>(a => a.Id, a => a.OrderBy(x => x.UserName))
        .Add("userName", a => a.UserName)
        .Add("displayName", a => a.DisplayName)
        .Add("roleName", a => a.Role)
        .Add("regionCode", a => a.RegionCode)
        .Add("lastSignInAt", a => a.LastSignInAt);

    public async Task<Paged<AccountDto>> ListAsync(AccountQuery query, CancellationToken cancellationToken = default)
    {
        var accounts = Filter(query);
        var total = await accounts.CountAsync(cancellationToken);
        var rows = await accounts.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<AccountDto>(await ToDtosAsync(rows, cancellationToken), total);
    }

    /// <summary>Every account of the filtered, sorted list, for the export.</summary>
    public async Task<List<AccountDto>> AllAsync(AccountQuery query, CancellationToken cancellationToken = default) =>
        await ToDtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<Account> Filter(AccountQuery query)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (query.List.Text is { } q)
        {
            var lower = q.ToLowerInvariant(); // user names are stored lower-case
            accounts = accounts.Where(a => a.UserName.Contains(lower) || a.DisplayName.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var errors = new FieldErrors();
            var role = errors.Enum("role", "角色", query.Role, Roles.Names);
            errors.ThrowIfAny();
            accounts = accounts.Where(a => a.Role == role);
        }
        return accounts;
    }

    private async Task<List<AccountDto>> ToDtosAsync(List<Account> rows, CancellationToken cancellationToken)
    {
        var now = db.UtcNow;
        var names = rows.Select(a => a.UserName).ToList();
        // Locked: some client is locked out of the account (docs/adr/015-sign-in-limits.md); the unlock clears every client's lock.
        var locked = (await db.SignInAttempts.AsNoTracking().Where(a => names.Contains(a.UserName) && a.LockedUntil > now)
            .Select(a => a.UserName).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return rows.Select(a => new AccountDto(a.Id, a.UserName, a.DisplayName, Kebab.From(a.Role), Roles.Names[a.Role],
            a.RegionCode, a.OrganizationId, a.Disabled, locked.Contains(a.UserName), a.MustChangePassword, a.LastSignInAt, a.CreatedAt, a.HasSecondFactor)).ToList();
    }

    public async Task SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var account = await FindAsync(id, cancellationToken);
        await MayManageAsync(account.Role, cancellationToken);
        if (disabled && account.Id == db.User.AccountId)
        {
            throw new RuleException("access.cannot-disable-self", "不能停用当前登录的账号");
        }
        account.SetDisabled(disabled);
        if (disabled)
        {
            await db.AccessTokens.Where(t => t.AccountId == id).ExecuteDeleteAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnlockAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var account = await FindAsync(id, cancellationToken);
        await SignInGuard.UnlockAsync(db, account.UserName, cancellationToken);
        db.AuditEvent("access_account", id.ToString(), "unlock");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets a new generated password that must be changed at the next sign-in; returns it once.</summary>
    public async Task<string> ResetPasswordAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var account = await FindAsync(id, cancellationToken);
        await MayManageAsync(account.Role, cancellationToken);
        var password = PasswordPolicy.Generate();
        account.SetPassword(hasher.HashPassword(account, password), mustChange: true, db.UtcNow);
        await SignInGuard.UnlockAsync(db, account.UserName, cancellationToken);
        await db.AccessTokens.Where(t => t.AccountId == id).ExecuteDeleteAsync(cancellationToken);
        db.AuditEvent("access_account", id.ToString(), "password-reset");
        await db.SaveChangesAsync(cancellationToken);
        return password;
    }

    /// <summary>A lost phone: the account enrols again at its next sign-in (where a second factor is required); its sessions end.</summary>
    public async Task ResetSecondFactorAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(AccessPermissions.ManageAccounts);
        var account = await FindAsync(id, cancellationToken);
        await MayManageAsync(account.Role, cancellationToken);
        await secondFactor.ResetAsync(account, cancellationToken);
    }

    private async Task<Account> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("账号不存在");

    private static (string DisplayName, Role? Role, string Region) ValidateProfile(AccountInput input, FieldErrors errors)
    {
        var displayName = errors.Text("displayName", "姓名", input.DisplayName, 100);
        var role = errors.Enum("role", "角色", input.Role, Roles.Names);
        var region = errors.Text("regionCode", "行政区划", input.RegionCode, 12);
        if (role is Role.Enterprise or Role.Institution && input.OrganizationId is null)
        {
            errors.Add("organizationId", "企业和高校院所账号必须选择所属组织");
        }
        return (displayName, role, region);
    }

    private async Task CheckProfileAsync(Role role, string region, Guid? organizationId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!await directory.RegionExistsAsync(region, cancellationToken))
        {
            errors.Add("regionCode", $"行政区划代码“{region}”不存在");
        }
        else if (role is Role.CityAdmin or Role.CityStaff && region.Length != 6)
        {
            errors.Add("regionCode", "市局账号的行政区划应为市级代码（如 330700）");
        }
        if (organizationId is { } org)
        {
            if (!await directory.OrganizationExistsAsync(org, cancellationToken))
            {
                errors.Add("organizationId", "所属组织不存在");
            }
        }
        errors.ThrowIfAny();
    }
}
