using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Access;

namespace Kechuang.Modules.Market;

/// <summary>
/// The market's side of the contracts module. A sale becomes a draft contract in the seller's region,
/// which the bureau staff closing a session may not otherwise write to, so the call runs in its own
/// service scope with an explicit, audited system scope (<c>system:market-sale</c>). Registration
/// states of sale contracts are shown on the public results page the same way: only the status is read.
/// When no <see cref="ITechContracts"/> is registered the sale is recorded with its contract pending.
/// </summary>
public sealed class MarketContracts(IServiceScopeFactory scopes)
{
    public async Task<Guid?> CreateDraftAsync(DraftContract draft, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contracts = scope.ServiceProvider.GetService<ITechContracts>();
        if (contracts is null)
        {
            return null;
        }
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("market-sale");
        return await contracts.CreateDraftAsync(draft, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, ContractState>> StatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ContractState>();
        }
        await using var scope = scopes.CreateAsyncScope();
        var contracts = scope.ServiceProvider.GetService<ITechContracts>();
        if (contracts is null)
        {
            return new Dictionary<Guid, ContractState>();
        }
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("market-results");
        return await contracts.StatesAsync(ids, cancellationToken);
    }
}
