namespace Kechuang.Modules.Directory.Public;

/// <summary>What other modules may know of an organisation.</summary>
public sealed record OrganizationInfo(Guid Id, string Name, OrganizationKind Kind, string CreditCode, string RegionCode);

/// <summary>An organisation another module asks the directory to add.</summary>
public sealed record NewOrganization(
    string Name, OrganizationKind Kind, string CreditCode, string RegionCode,
    string? Address = null, string? ContactName = null, string? ContactPhone = null);

/// <summary>
/// The directory as every other module reaches it: the one way in. A method's name says how far it reads:
/// plain names (<see cref="FindAsync"/>, <see cref="SearchAsync"/>) respect the caller's data scope like every
/// query (institutions and government units are visible to every signed-in account); names ending in
/// <c>Anywhere</c> read past it, across every region. Those are for identifying a counterpart (a contract's buyer,
/// a park's tenant, an auction's winner is often in another county, and its name and credit code are public
/// registration data, 营业执照 信息), never for listing another region's organisations. The demo loader and the
/// command line run with the system scope and see all either way. The implementation shares the caller's unit of
/// work (the scoped <c>KechuangDb</c>).
/// </summary>
public interface IOrganizationDirectory
{
    /// <summary>The organisation, when it is within the caller's data scope.</summary>
    Task<OrganizationInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The caller's organisation of exactly this name (the first, should two share it).</summary>
    Task<OrganizationInfo?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The caller's organisation with this credit code (given in any case, with or without spaces).</summary>
    Task<OrganizationInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of the caller's organisations whose name or credit code contains <paramref name="text"/>, or whose pinyin
    /// initials do (武义县 → wyx): the directory's search, for a list of another module's records to offer the same box.
    /// </summary>
    Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>The caller's organisations (of one kind, when given) in name order: a pick list.</summary>
    Task<IReadOnlyList<OrganizationInfo>> ListAsync(OrganizationKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an organisation to the caller's unit of work: the caller's own <c>SaveChangesAsync</c> commits it together with
    /// its records, or not at all. Input is validated exactly as on the directory form (400 with field messages, 409 for a
    /// credit code already in use anywhere).
    /// </summary>
    Task<Guid> AddAsync(NewOrganization organization, CancellationToken cancellationToken = default);

    /// <summary>The organisation wherever it is registered (a counterpart of one of the caller's records).</summary>
    Task<OrganizationInfo?> FindAnywhereAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The organisation with this credit code wherever it is registered (a credit code is unique across every region).</summary>
    Task<OrganizationInfo?> FindByCreditCodeAnywhereAsync(string creditCode, CancellationToken cancellationToken = default);

    /// <summary>The given organisations wherever they are registered; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, OrganizationInfo>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Names of the given organisations wherever they are registered (a counterpart's name beside a record).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Every organisation of every region, for matching imported rows by credit code or name.</summary>
    Task<IReadOnlyList<OrganizationInfo>> ListAnywhereAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Organisations of every region whose name contains <paramref name="text"/> (all when empty), in name order, at most
    /// <paramref name="take"/>: a counterpart picker.
    /// </summary>
    Task<IReadOnlyList<OrganizationInfo>> SearchAnywhereAsync(string? text, int take, CancellationToken cancellationToken = default);

    /// <summary>Every region (行政区划, reference data visible to everyone): code → name (330723 → 武义县, 330723101 → 桐琴镇).</summary>
    Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(CancellationToken cancellationToken = default);
}
