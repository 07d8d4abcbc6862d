using Kechuang.Platform.Data;

namespace Kechuang.Platform.Access;

/// <summary>账号. Lockout state lives here, in the database, so it survives restarts and holds across nodes.</summary>
public sealed class Account
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    private Account()
    {
    }

    public Account(string userName, string displayName, Role role, string regionCode, Guid? organizationId, string passwordHash, bool mustChangePassword, DateTime now)
    {
        Id = Guid.CreateVersion7();
        UserName = userName.Trim().ToLowerInvariant();
        DisplayName = displayName;
        Role = role;
        RegionCode = regionCode;
        OrganizationId = organizationId;
        PasswordHash = passwordHash;
        MustChangePassword = mustChangePassword;
        PasswordChangedAt = Whole(now);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Role Role { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public bool MustChangePassword { get; private set; }
    public DateTime PasswordChangedAt { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public bool Disabled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastSignInAt { get; private set; }

    // Whole seconds: the stamp goes into the session cookie and must compare equal after a round trip
    // through either database (PostgreSQL keeps microseconds, .NET ticks are 100 ns).
    private static DateTime Whole(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public bool IsLocked(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed sign-in; returns true when this failure locks the account.</summary>
    public bool RecordFailure(DateTime now)
    {
        if (LockedUntil is { } until && until <= now)
        {
            FailedSignIns = 0;
            LockedUntil = null;
        }
        FailedSignIns++;
        if (FailedSignIns >= MaxFailures)
        {
            LockedUntil = now + LockDuration;
            return true;
        }
        return false;
    }

    public void RecordSuccess(DateTime now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    public void Unlock()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void SetPassword(string hash, bool mustChange, DateTime now)
    {
        PasswordHash = hash;
        MustChangePassword = mustChange;
        PasswordChangedAt = Whole(now);
    }

    public void Update(string displayName, Role role, string regionCode, Guid? organizationId)
    {
        DisplayName = displayName;
        Role = role;
        RegionCode = regionCode;
        OrganizationId = organizationId;
    }

    public void SetDisabled(bool disabled) => Disabled = disabled;

    public bool PasswordExpired(DateTime now, TimeSpan staffExpiry) =>
        Role.IsStaff() && staffExpiry > TimeSpan.Zero && now - PasswordChangedAt > staffExpiry;
}

/// <summary>A bearer token for scripts; only its SHA-256 is stored.</summary>
public sealed class AccessToken : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
