namespace Kechuang.Platform.Data;

/// <summary>A record that belongs to a region (GB/T 2260 code, towns extend it); limited by data scope.</summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>A region-scoped record that belongs to one organisation; enterprise and institution accounts see only their own.</summary>
public interface IOrganizationScoped : IRegionScoped
{
    Guid? OrganizationId { get; }
}

/// <summary>Records the audit log should not follow (the audit log itself, session tokens).</summary>
public interface INotAudited;
