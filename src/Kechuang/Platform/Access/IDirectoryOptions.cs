namespace Kechuang.Platform.Access;

/// <summary>A region for pick lists: GB/T 2260 code, name, parent and level (1 province … 4 town).</summary>
public sealed record RegionOption(string Code, string Name, string? ParentCode, int Level);

/// <summary>An organisation for pick lists.</summary>
public sealed record OrganizationOption(Guid Id, string Name, string Kind, string KindName, string RegionCode);

/// <summary>
/// Pick lists the platform's own pages (accounts, home) need from the directory module, without
/// reaching into it. Organisations respect the caller's data scope like every query.
/// </summary>
public interface IDirectoryOptions
{
    Task<IReadOnlyList<RegionOption>> RegionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrganizationOption>> OrganizationsAsync(string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>The name of any organisation (names are not confidential), or null.</summary>
    Task<string?> OrganizationNameAsync(Guid id, CancellationToken cancellationToken = default);
}
