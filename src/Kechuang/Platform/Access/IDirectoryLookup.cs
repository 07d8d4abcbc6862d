namespace Kechuang.Platform.Access;

/// <summary>What account administration needs to know of the directory module, without reaching into it.</summary>
public interface IDirectoryLookup
{
    Task<bool> RegionExistsAsync(string regionCode, CancellationToken cancellationToken);

    /// <summary>True when the organisation exists anywhere (administrators assign accounts across regions).</summary>
    Task<bool> OrganizationExistsAsync(Guid organizationId, CancellationToken cancellationToken);
}
