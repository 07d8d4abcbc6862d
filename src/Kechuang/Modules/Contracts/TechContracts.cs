using Kechuang.Modules.Contracts.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// What other modules may do with contracts. A draft from a sold auction lot is validated like any
/// contract (amount, parties, duplicate); its 技术交易额 starts equal to the hammer price and the
/// seller corrects it (and the transfer category) before submitting. The caller's data scope applies.
/// </summary>
internal sealed class TechContracts(KechuangDb db, IOrganizationDirectory directory) : ITechContracts
{
    public async Task<Guid> CreateDraftAsync(DraftContract draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var key = string.IsNullOrWhiteSpace(draft.SourceKey) ? null : draft.SourceKey.Trim();
        if (key is { Length: > 100 })
        {
            throw InputException.For("sourceKey", "来源标识不能超过 100 个字符");
        }
        if (key is not null && await ExistingAsync(key, cancellationToken) is { } existing)
        {
            return existing;
        }
        var errors = new FieldErrors();
        var valid = ContractsRules.ValidateFields(new ContractInput(draft.Title, draft.Type, null, draft.SellerId, draft.BuyerId, draft.SignDate, draft.Amount, draft.Amount),
            ContractsRules.LocalDate(db.UtcNow), errors, transferKindRequired: false);
        var seller = await directory.FindAnywhereAsync(draft.SellerId, cancellationToken);
        var buyer = await directory.FindAnywhereAsync(draft.BuyerId, cancellationToken);
        if (seller is null)
        {
            errors.Add("sellerId", "卖方单位不存在");
        }
        if (buyer is null)
        {
            errors.Add("buyerId", "买方单位不存在");
        }
        // The parties' JJ-001 facts as the directory knows them; the expected investment and output of a transfer are
        // completed by the seller before submitting.
        var particulars = ContractsRules.ValidateParticulars(new ContractInput(null, draft.Type, null, null, null, null, null, null),
            CreateContractHandler.TypeOf(draft.Type), seller, buyer, _ => true, errors, expectedRequired: false);
        errors.ThrowIfAny();
        var fields = new ContractFields(valid!.Value.Title, valid.Value.Type, null, seller!.Id, buyer!.Id, valid.Value.SignDate,
            valid.Value.AmountFen, valid.Value.TransactionFen, particulars);
        await CreateContractHandler.EnsureNotDuplicateAsync(db, fields, null, cancellationToken);
        var source = draft.Source.Trim();
        var contract = new TechContract(fields, seller.RegionCode, source.Length > 200 ? source[..200] : source, db.UtcNow, key);
        db.Add(contract);
        db.Add(contract.Created(db.User.UserName, db.UtcNow));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Two callers with the same key at once: the unique index kept the other's contract.
            db.ChangeTracker.Clear();
            return await ExistingAsync(key, cancellationToken) ?? throw new InvalidOperationException($"contract for {key} neither saved nor found");
        }
        return contract.Id;
    }

    // Across scopes: the key is the caller's own, and the contract it names may lie outside the caller's data scope.
    private async Task<Guid?> ExistingAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking().Where(c => c.SourceKey == key)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, ContractState>> StatesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0)
        {
            return new Dictionary<Guid, ContractState>();
        }
        var rows = await db.Set<TechContract>().AsNoTracking().Where(c => list.Contains(c.Id))
            .Select(c => new { c.Id, c.Status, c.RegistrationNumber }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ContractState(r.Id, Kebab.From(r.Status), ContractsRules.StatusNames[r.Status], r.RegistrationNumber));
    }

    public async Task<IReadOnlyList<ContractChoice>> SearchRegisteredAsync(string? text, IReadOnlyCollection<Guid> parties, int take = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parties);
        take = Math.Clamp(take, 1, 50);
        var q = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var ids = parties.Distinct().ToList();
        if (q is null && ids.Count == 0)
        {
            return [];
        }
        var registered = db.Set<TechContract>().AsNoTracking().Where(c => c.Status == ContractStatus.Registered);
        if (q is not null)
        {
            registered = ListContractsHandler.Matching(registered, q);
        }
        // Two queries rather than one ordered by "is a party": the parties' contracts come first however many others match.
        var ofParties = ids.Count == 0 ? [] : await Newest(registered.Where(c => ids.Contains(c.SellerId) || ids.Contains(c.BuyerId)), take).ToListAsync(cancellationToken);
        var others = q is null || ofParties.Count >= take ? []
            : await Newest(registered.Where(c => !ids.Contains(c.SellerId) && !ids.Contains(c.BuyerId)), take - ofParties.Count).ToListAsync(cancellationToken);
        return [.. ofParties.Concat(others).Select(Choice)];
    }

    public async Task<IReadOnlyDictionary<Guid, ContractChoice>> ChoicesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0)
        {
            return new Dictionary<Guid, ContractChoice>();
        }
        var rows = await db.Set<TechContract>().AsNoTracking().Where(c => list.Contains(c.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, Choice);
    }

    private static IQueryable<TechContract> Newest(IQueryable<TechContract> rows, int take) =>
        rows.OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Id).Take(take);

    private static ContractChoice Choice(TechContract c) =>
        new(c.Id, c.RegistrationNumber, c.Title, Kebab.From(c.Status), ContractsRules.StatusNames[c.Status], Money.ToYuan(c.AmountFen), Money.Format(c.AmountFen),
            c.SellerId, c.BuyerId);
}
