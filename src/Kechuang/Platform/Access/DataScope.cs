namespace Kechuang.Platform.Access;

/// <summary>
/// What the current caller may see and change. Built once per request or circuit from the account,
/// applied by <see cref="Data.KechuangDb"/> as a global query filter and on every save, so pages,
/// APIs, exports, search and indicators share one rule.
/// </summary>
public sealed class DataScope
{
    private DataScope(bool all, bool signedIn, string regionPrefix, Guid? organizationId, string description)
    {
        All = all;
        SignedIn = signedIn;
        RegionPrefix = regionPrefix;
        OrganizationId = organizationId;
        Description = description;
    }

    /// <summary>True only for the system scope of command-line jobs and the demo loader.</summary>
    public bool All { get; }

    public bool SignedIn { get; }

    /// <summary>A region code without its trailing zero pairs: 330700 → "3307", 330723 → "330723".</summary>
    public string RegionPrefix { get; }

    /// <summary>Set for enterprise and institution accounts: they see only their organisation's records.</summary>
    public Guid? OrganizationId { get; }

    public string Description { get; }

    /// <summary>Explicit, audited scope for the command line and background jobs (never for a request).</summary>
    public static DataScope System(string reason) => new(true, true, "", null, $"system:{reason}");

    /// <summary>Anonymous visitors: no scoped record is visible.</summary>
    // Region codes are digits, so this prefix matches nothing (and, unlike a NUL, PostgreSQL accepts it as text).
    public static DataScope Anonymous { get; } = new(false, false, "~none~", null, "anonymous");

    public static DataScope ForAccount(Role role, string regionCode, Guid? organizationId)
    {
        if (role is Role.SecurityAdmin or Role.AuditAdmin)
        {
            // Separation of duties: they administer security or read the audit log, not the bureau's records.
            return new DataScope(false, false, "~none~", null, $"{role}:none");
        }
        var prefix = Prefix(regionCode);
        var org = role is Role.Enterprise or Role.Institution ? organizationId ?? Guid.Empty : (Guid?)null;
        return new DataScope(false, true, prefix, org, $"{role}:{regionCode}");
    }

    public static string Prefix(string regionCode)
    {
        var code = regionCode.Trim();
        if (code.Length == 6)
        {
            while (code.Length > 2 && code.EndsWith("00", StringComparison.Ordinal))
            {
                code = code[..^2];
            }
        }
        return code;
    }

    public bool Covers(string regionCode) => All || (SignedIn && regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal));
}
