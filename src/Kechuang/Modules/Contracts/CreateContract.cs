using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>The request of create and update (the API body and the form's input alike): amounts in yuan, enums in kebab-case or Chinese.</summary>
public sealed record ContractInput(string? Title, string? Type, string? TransferKind, Guid? SellerId, Guid? BuyerId, DateOnly? SignDate,
    decimal? Amount, decimal? TransactionAmount);

/// <summary>Creates a draft. Enterprise and institution accounts register their own contracts (they are the seller); staff enter paper contracts for sellers in their region.</summary>
public sealed class CreateContractHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Create);
        var (fields, region) = await ResolveAsync(db, directory, input, null, cancellationToken);
        var contract = new TechContract(fields, region, null, db.UtcNow);
        db.Add(contract);
        db.Add(contract.Created(db.User.UserName, db.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return contract.Id;
    }

    /// <summary>Validates the input, resolves seller and buyer (wherever they are registered), applies the seller and duplicate rules.</summary>
    internal static async Task<(ContractFields Fields, string RegionCode)> ResolveAsync(KechuangDb db, IOrganizationDirectory directory, ContractInput input, Guid? except,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ContractsRules.ValidateFields(input, ContractsRules.LocalDate(db.UtcNow), errors);
        OrganizationInfo? seller = null, buyer = null;
        if (input.SellerId is null)
        {
            errors.Add("sellerId", "请选择卖方（登记申请方）");
        }
        else if ((seller = await directory.FindAnywhereAsync(input.SellerId.Value, cancellationToken)) is null)
        {
            errors.Add("sellerId", "卖方单位不存在");
        }
        if (input.BuyerId is null)
        {
            errors.Add("buyerId", "请选择买方");
        }
        else if ((buyer = await directory.FindAnywhereAsync(input.BuyerId.Value, cancellationToken)) is null)
        {
            errors.Add("buyerId", "买方单位不存在");
        }
        else if (input.BuyerId == input.SellerId)
        {
            errors.Add("buyerId", "买方与卖方不能是同一单位");
        }
        errors.ThrowIfAny();
        ContractAccess.EnsureMayRegisterFor(db.User, seller!);
        var fields = new ContractFields(valid!.Value.Title, valid.Value.Type, valid.Value.TransferKind, seller!.Id, buyer!.Id,
            valid.Value.SignDate, valid.Value.AmountFen, valid.Value.TransactionFen);
        await EnsureNotDuplicateAsync(db, fields, except, cancellationToken);
        return (fields, seller.RegionCode);
    }

    /// <summary>Same seller, buyer, title and sign date is the same contract (a refused one may be entered again), looked up across every region.</summary>
    internal static async Task EnsureNotDuplicateAsync(KechuangDb db, ContractFields f, Guid? except, CancellationToken cancellationToken)
    {
        var duplicate = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(c => c.SellerId == f.SellerId && c.BuyerId == f.BuyerId && c.SignDate == f.SignDate && c.Title == f.Title
                && c.Status != ContractStatus.Refused && c.Id != except, cancellationToken);
        if (duplicate)
        {
            throw Duplicate();
        }
    }

    internal static RuleException Duplicate() =>
        new("contracts.duplicate", "已存在卖方、买方、合同名称和签订日期均相同的合同，请勿重复登记");
}

/// <summary>Edits a draft or a returned contract.</summary>
public sealed class UpdateContractHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ContractInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Change);
        var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        if (!contract.IsEditable)
        {
            throw new RuleException("contracts.not-editable", $"合同当前状态为“{ContractsRules.StatusNames[contract.Status]}”，只有草稿或退回补正的合同可以修改");
        }
        var (fields, region) = await CreateContractHandler.ResolveAsync(db, directory, input, id, cancellationToken);
        contract.Update(fields, region, db.UtcNow);
        await ContractSteps.SaveAsync(db, cancellationToken);
    }
}

/// <summary>The contract form's choices of parties: sellers the caller may register for (its own organisation, or those of its region), buyers anywhere.</summary>
public sealed record ContractParties(IReadOnlyList<OrganizationInfo> Sellers, IReadOnlyList<OrganizationInfo> Buyers);

/// <summary>The parties the contract form offers, at most <see cref="Max"/> of each, in name order.</summary>
public sealed class ListContractPartiesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public const int Max = 1000;

    public async Task<ContractParties> HandleAsync(CancellationToken cancellationToken = default)
    {
        var all = await directory.SearchAnywhereAsync(null, Max, cancellationToken);
        var scope = db.User.Scope;
        var sellers = all.Where(o => scope.Covers(o.RegionCode) && (scope.OrganizationId is null || scope.OrganizationId == o.Id)).ToList();
        return new ContractParties(sellers, all);
    }
}
