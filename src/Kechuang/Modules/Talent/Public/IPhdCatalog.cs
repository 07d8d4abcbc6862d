namespace Kechuang.Modules.Talent.Public;

/// <summary>A PhD profile's words as matching reads them; the name is the directory person's.</summary>
public sealed record PhdText(Guid Id, Guid PersonId, Guid InstitutionId, string Discipline, string? TechFields);

/// <summary>
/// 博士档案 for other modules that index them. Plain names respect the caller's data scope; names ending in <c>Anywhere</c>
/// read past it (an index holds every profile and asks <see cref="VisibleAsync"/> before it shows one).
/// </summary>
public interface IPhdCatalog
{
    /// <summary>The audit log's entity name of a PhD profile: an entry of it says the profile changed.</summary>
    const string ChangeEntity = "talent_phd";

    /// <summary>Which of the given profiles the caller may see.</summary>
    Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> profiles in id order after the first <paramref name="skip"/>, wherever they are: a full read in pages.</summary>
    Task<IReadOnlyList<PhdText>> PageAnywhereAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The given profiles wherever they are; unknown ids are left out.</summary>
    Task<IReadOnlyList<PhdText>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>The profiles of the given directory people, wherever they are.</summary>
    Task<IReadOnlyList<PhdText>> FindByPeopleAnywhereAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default);
}
