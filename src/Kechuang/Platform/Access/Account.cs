using Kechuang.Platform.Data;

namespace Kechuang.Platform.Access;

/// <summary>账号. Failed sign-ins are counted per user name and client in <see cref="SignInAttempts"/>.</summary>
public sealed class Account
{
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
        SecurityStamp = NewStamp();
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
    public bool Disabled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastSignInAt { get; private set; }

    /// <summary>
    /// Changes whenever what a session was granted changes: password, role, region (the data scope), organisation,
    /// disabling. Page sessions and bearer tokens carry the stamp they were issued with and end when it differs.
    /// </summary>
    public string SecurityStamp { get; private set; } = "";

    /// <summary>The TOTP secret, encrypted with the data-protection key ring; null until the account enrols a second factor.</summary>
    public string? TotpSecret { get; private set; }

    /// <summary>The last TOTP time step accepted: a code is accepted once.</summary>
    public long TotpLastStep { get; private set; }

    public DateTime? SecondFactorSince { get; private set; }

    public bool HasSecondFactor => TotpSecret is not null;

    public void EnrolSecondFactor(string protectedSecret, long step, DateTime now)
    {
        TotpSecret = protectedSecret;
        TotpLastStep = step;
        SecondFactorSince = now;
        RenewSecurityStamp();
    }

    public void ResetSecondFactor()
    {
        TotpSecret = null;
        TotpLastStep = 0;
        SecondFactorSince = null;
        RenewSecurityStamp();
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>Ends every page session and bearer token of the account (they are checked against the stamp on each use).</summary>
    public void RenewSecurityStamp() => SecurityStamp = NewStamp();

    // Whole seconds: the stamp goes into the session cookie and must compare equal after a round trip
    // through either database (PostgreSQL keeps microseconds, .NET ticks are 100 ns).
    private static DateTime Whole(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public void RecordSignIn(DateTime now) => LastSignInAt = now;

    public void SetPassword(string hash, bool mustChange, DateTime now)
    {
        PasswordHash = hash;
        MustChangePassword = mustChange;
        PasswordChangedAt = Whole(now);
        RenewSecurityStamp();
    }

    /// <summary>The same password hashed with current parameters: sessions stay.</summary>
    public void Rehash(string hash) => PasswordHash = hash;

    public void Update(string displayName, Role role, string regionCode, Guid? organizationId)
    {
        if (role != Role || regionCode != RegionCode || organizationId != OrganizationId)
        {
            RenewSecurityStamp();
        }
        DisplayName = displayName;
        Role = role;
        RegionCode = regionCode;
        OrganizationId = organizationId;
    }

    public void SetDisabled(bool disabled)
    {
        if (disabled && !Disabled)
        {
            RenewSecurityStamp();
        }
        Disabled = disabled;
    }

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

    /// <summary>The account's <see cref="Account.SecurityStamp"/> when the token was issued; a token whose stamp differs is refused.</summary>
    public string SecurityStamp { get; set; } = "";
}
