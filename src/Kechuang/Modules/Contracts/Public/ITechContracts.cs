namespace Kechuang.Modules.Contracts.Public;

/// <summary>A draft technology contract another module creates (a sold auction lot becomes one).</summary>
/// <param name="Type">API spelling: <c>transfer</c> or <c>license</c> for auction lots.</param>
/// <param name="Amount">Contract amount in yuan (the hammer price).</param>
/// <param name="Source">Where it came from, shown on the contract, e.g. "拍卖会：首场科技成果拍卖会 第3号标的".</param>
/// <param name="SourceKey">
/// The caller's unique key for what the contract stands for (e.g. <c>market-lot:{lotId}</c>, at most 100 characters):
/// creating a draft again under the same key returns the contract created the first time.
/// </param>
public sealed record DraftContract(string Title, string Type, Guid SellerId, Guid BuyerId, DateOnly SignDate, decimal Amount, string Source,
    string? SourceKey = null);

/// <summary>Registration state of a contract, as other modules may show it.</summary>
public sealed record ContractState(Guid Id, string Status, string StatusName, string? RegistrationNumber)
{
    /// <summary>The status of a contract the bureau has registered (已登记).</summary>
    public const string RegisteredStatus = "registered";

    public bool IsRegistered => Status == RegisteredStatus;
}

/// <summary>A contract as another module's picker offers it (登记号 · 合同名称 · 成交额).</summary>
/// <param name="Amount">合同成交额 in yuan.</param>
/// <param name="AmountText">The same amount as screens show it (50万元).</param>
public sealed record ContractChoice(Guid Id, string? RegistrationNumber, string Title, string Status, string StatusName, decimal Amount, string AmountText,
    Guid SellerId, Guid BuyerId)
{
    /// <summary>登记号 · 合同名称 · 成交额; a contract not yet registered shows its state in place of the number.</summary>
    public string Label => $"{RegistrationNumber ?? StatusName} · {Title} · {AmountText}";
}

/// <summary>What the contracts module offers other modules.</summary>
public interface ITechContracts
{
    /// <summary>
    /// Creates a contract in <c>draft</c> (region: the seller's); returns its id. With a <see cref="DraftContract.SourceKey"/>
    /// already used, returns the id of the contract created under it and creates nothing.
    /// </summary>
    Task<Guid> CreateDraftAsync(DraftContract draft, CancellationToken cancellationToken = default);

    /// <summary>Current states of the given contracts (unknown ids are left out).</summary>
    Task<IReadOnlyDictionary<Guid, ContractState>> StatesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registered contracts of the caller's data scope whose title or registration number contains <paramref name="text"/>, at most
    /// <paramref name="take"/> (1–50): those with a seller or buyer among <paramref name="parties"/> first, then the others, each part
    /// newest registration first. Without text, only the contracts of <paramref name="parties"/>.
    /// </summary>
    Task<IReadOnlyList<ContractChoice>> SearchRegisteredAsync(string? text, IReadOnlyCollection<Guid> parties, int take = 20, CancellationToken cancellationToken = default);

    /// <summary>The given contracts as a picker shows them, whatever their state (unknown ids and those outside the caller's scope are left out).</summary>
    Task<IReadOnlyDictionary<Guid, ContractChoice>> ChoicesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
