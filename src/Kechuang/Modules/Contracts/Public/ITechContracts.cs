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
public sealed record ContractState(Guid Id, string Status, string StatusName, string? RegistrationNumber);

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
}
