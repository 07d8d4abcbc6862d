namespace Kechuang.Modules.Directory.Public;

/// <summary>What other modules may know of a person: no phone or 身份证号 (those stay masked in the directory).</summary>
public sealed record PersonInfo(Guid Id, string Name, bool IsCommissioner, Guid? OrganizationId, string RegionCode, string? Title, string? Fields);

/// <summary>A 科技特派员 another module (its demo data, its import) asks the directory to add.</summary>
public sealed record NewCommissionerPerson(string Name, Guid? OrganizationId, string RegionCode, string? Title = null, string? Fields = null);

/// <summary>
/// The directory's people as other modules reach them. As for organisations, plain names respect the caller's data scope;
/// names ending in <c>Anywhere</c> read past it, to name a person beside one of the caller's records.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The person, when within the caller's data scope.</summary>
    Task<PersonInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The caller's people registered as 科技特派员, in name order: a pick list.</summary>
    Task<IReadOnlyList<PersonInfo>> ListCommissionersAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of the caller's people whose name contains <paramref name="text"/>.</summary>
    Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Names of the given people wherever they are registered; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Adds a person of kind 科技特派员 to the caller's unit of work (validated as on the directory form).</summary>
    Task<Guid> AddCommissionerAsync(NewCommissionerPerson person, CancellationToken cancellationToken = default);
}
