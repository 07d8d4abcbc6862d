namespace Kechuang.Modules.Directory.Public;

/// <summary>What other modules may know of an organisation.</summary>
public sealed record OrganizationInfo(Guid Id, string Name, OrganizationKind Kind, string CreditCode, string RegionCode);

/// <summary>
/// Organisation look-ups for other modules. Results respect the caller's data scope like every query
/// (institutions and government units are visible to every signed-in account); the demo loader and
/// the command line run with the system scope and see all.
/// </summary>
public interface IOrganizationDirectory
{
    Task<OrganizationInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<OrganizationInfo?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    Task<OrganizationInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken cancellationToken = default);

    /// <summary>Names of the given organisations that exist anywhere (for showing a counterpart's name beside a record).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
