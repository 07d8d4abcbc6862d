namespace Kechuang.Modules.Transfer.Public;

/// <summary>A demand's words as matching reads them, the enterprise's id and whether the demand is still open.</summary>
public sealed record DemandText(Guid Id, string Title, string? Description, string? Field, bool IsTalent, Guid? EnterpriseId, bool Open);

/// <summary>
/// Enterprises' demands for other modules that index them. Plain names respect the caller's data scope; names ending in
/// <c>Anywhere</c> read past it (an index holds every demand and asks <see cref="VisibleAsync"/> before it shows one).
/// </summary>
public interface IDemandCatalog
{
    /// <summary>The audit log's entity name of a demand: an entry of it says the demand changed.</summary>
    const string ChangeEntity = "transfer_demand";

    /// <summary>The demand, when within the caller's data scope.</summary>
    Task<DemandText?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Which of the given demands the caller may see.</summary>
    Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> demands in id order after the first <paramref name="skip"/>, wherever they are: a full read in pages.</summary>
    Task<IReadOnlyList<DemandText>> PageAnywhereAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The given demands wherever they are; unknown ids are left out.</summary>
    Task<IReadOnlyList<DemandText>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
