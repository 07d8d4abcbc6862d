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

    /// <summary>Every organisation the caller's data scope shows, for an import to match its rows against without a query per row.</summary>
    Task<IReadOnlyList<OrganizationInfo>> VisibleAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The given organisations wherever they are registered (a park's tenants come from any county; name and credit code
    /// are public registration data). Use it to identify the organisations of one's own records, never to list another
    /// region's.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, OrganizationInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of the caller's organisations whose name or credit code contains <paramref name="text"/>, or whose pinyin
    /// initials do (武义县 → wyx): the directory's search, for a list of another module's records to offer the same box.
    /// </summary>
    Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Names of the given organisations that exist anywhere (for showing a counterpart's name beside a record).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
