namespace Kechuang.Modules.Directory.Public;

/// <summary>What other modules may know of a person: never the 身份证 number, the phone only as the viewer may see it.</summary>
public sealed record PersonInfo(Guid Id, string Name, string KindName, bool IsCommissioner, Guid? OrganizationId, string RegionCode,
    string? Title, string? Fields, string? Phone)
{
    /// <summary>人员类别 专家: who may review plan projects (a 科技特派员 or 博士 with an expert account may not).</summary>
    public bool IsExpert => KindName == ExpertKindName;

    public const string ExpertKindName = "专家";
}

/// <summary>A person another module asks the directory to add; <paramref name="Kind"/> is 专家, 博士, 科技特派员 or 联系人 (or kebab-case).</summary>
public sealed record NewPerson(string Name, string Kind, Guid? OrganizationId, string? RegionCode = null, string? Title = null, string? Fields = null, string? Phone = null);

/// <summary>
/// The directory's people as other modules reach them (an applicant, a PhD, an expert, a commissioner). Plain names respect
/// the caller's data scope; names ending in <c>Anywhere</c> read past it, to name a person beside a record the caller may
/// see. It shares the caller's unit of work.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The person, when within the caller's data scope.</summary>
    Task<PersonInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The caller's people whose name, title or fields contain <paramref name="text"/> (all when empty), in name order, at most <paramref name="take"/>: a picker.</summary>
    Task<IReadOnlyList<PersonInfo>> SearchAsync(string? text, int take, CancellationToken cancellationToken = default);

    /// <summary>Ids of all the caller's people whose name contains <paramref name="text"/>: a list's search.</summary>
    Task<IReadOnlyList<Guid>> SearchIdsAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>The caller's people of exactly this name (people may share one): matching imported rows.</summary>
    Task<IReadOnlyList<PersonInfo>> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every person within the caller's data scope: matching the rows of an import by name.</summary>
    Task<IReadOnlyList<PersonInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The caller's people registered as 科技特派员, in name order: a pick list.</summary>
    Task<IReadOnlyList<PersonInfo>> ListCommissionersAsync(CancellationToken cancellationToken = default);

    /// <summary>The given people wherever they are registered; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, PersonInfo>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>The people who sign in with the given accounts, by account id, wherever they are registered; accounts of no person are left out.</summary>
    Task<IReadOnlyDictionary<Guid, PersonInfo>> ByAccountsAnywhereAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default);

    /// <summary>Names of the given people wherever they are registered; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a person to the caller's unit of work, validated as on the directory form (400 with field messages); the
    /// caller's own save commits it with its records.
    /// </summary>
    Task<Guid> AddAsync(NewPerson person, CancellationToken cancellationToken = default);
}
