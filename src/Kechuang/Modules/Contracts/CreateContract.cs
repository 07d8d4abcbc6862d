using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>The request body of create and update: amounts in yuan, enums in kebab-case or Chinese.</summary>
public sealed record ContractInput(string? Title, string? Type, string? TransferKind, Guid? SellerId, Guid? BuyerId, DateOnly? SignDate,
    decimal? Amount, decimal? TransactionAmount);

public static class ContractValidation
{
    /// <summary>Field checks without the database; parties are resolved by the caller. Null when invalid.</summary>
    public static (string Title, ContractType Type, TransferKind? TransferKind, DateOnly SignDate, long AmountFen, long TransactionFen)? Fields(
        ContractInput input, DateOnly today, FieldErrors errors, bool transferKindRequired = true)
    {
        var title = errors.Text("title", "合同名称", input.Title, ContractsRules.TitleMax);
        var type = errors.Enum("type", "合同类型", input.Type, ContractsRules.TypeNames);
        var kind = errors.Enum("transferKind", "技术转让类别", input.TransferKind, ContractsRules.TransferKindNames, required: false);
        if (type == ContractType.Transfer && kind is null && transferKindRequired && string.IsNullOrWhiteSpace(input.TransferKind))
        {
            errors.Add("transferKind", "技术转让合同请选择转让类别（专利权、专利申请权、技术秘密或其他）");
        }
        var signDate = ContractsRules.SignDate(input.SignDate, today, errors);
        var amounts = ContractsRules.Amounts(input.Amount, input.TransactionAmount, errors);
        if (errors.Any || type is null || signDate is null || amounts is null)
        {
            return null;
        }
        return (title, type.Value, kind, signDate.Value, amounts.Value.AmountFen, amounts.Value.TransactionFen);
    }
}

/// <summary>Creates a draft. Enterprise and institution accounts register their own contracts (they are the seller); staff enter paper contracts for sellers in their region.</summary>
public sealed class CreateContractHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        var (fields, region) = await ResolveAsync(db, input, null, cancellationToken);
        var contract = new TechContract(fields, region, null, db.UtcNow);
        db.Add(contract);
        db.Add(contract.Created(db.User.UserName, db.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return contract.Id;
    }

    /// <summary>Validates the input, resolves seller and buyer, applies the seller and duplicate rules.</summary>
    internal static async Task<(ContractFields Fields, string RegionCode)> ResolveAsync(KechuangDb db, ContractInput input, Guid? except, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ContractValidation.Fields(input, ContractsRules.LocalDate(db.UtcNow), errors);
        OrganizationInfo? seller = null, buyer = null;
        if (input.SellerId is null)
        {
            errors.Add("sellerId", "请选择卖方（登记申请方）");
        }
        else if ((seller = await OrganizationCounterparts.FindAsync(db, input.SellerId.Value, cancellationToken)) is null)
        {
            errors.Add("sellerId", "卖方单位不存在");
        }
        if (input.BuyerId is null)
        {
            errors.Add("buyerId", "请选择买方");
        }
        else if ((buyer = await OrganizationCounterparts.FindAsync(db, input.BuyerId.Value, cancellationToken)) is null)
        {
            errors.Add("buyerId", "买方单位不存在");
        }
        else if (input.BuyerId == input.SellerId)
        {
            errors.Add("buyerId", "买方与卖方不能是同一单位");
        }
        errors.ThrowIfAny();
        EnsureMayRegisterFor(db.User, seller!);
        var fields = new ContractFields(valid!.Value.Title, valid.Value.Type, valid.Value.TransferKind, seller!.Id, buyer!.Id,
            valid.Value.SignDate, valid.Value.AmountFen, valid.Value.TransactionFen);
        await EnsureNotDuplicateAsync(db, fields, except, cancellationToken);
        return (fields, seller.RegionCode);
    }

    /// <summary>The seller is the registering party: an enterprise or institution only for itself, staff only for sellers in their region.</summary>
    internal static void EnsureMayRegisterFor(CurrentUser user, OrganizationInfo seller)
    {
        var scope = user.Scope;
        if (scope.OrganizationId is { } own && own != seller.Id)
        {
            throw new ForbiddenException("技术合同由卖方（研究开发人、让与人、受托人等）申请登记，只能登记本单位作为卖方的合同");
        }
        if (!scope.Covers(seller.RegionCode))
        {
            throw new ForbiddenException("卖方不在您的数据范围内：技术合同在卖方所在地登记");
        }
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
public sealed class UpdateContractHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, ContractInput input, CancellationToken cancellationToken = default)
    {
        var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        if (!contract.IsEditable)
        {
            throw new RuleException("contracts.not-editable", $"合同当前状态为“{ContractsRules.StatusNames[contract.Status]}”，只有草稿或退回补正的合同可以修改");
        }
        var (fields, region) = await CreateContractHandler.ResolveAsync(db, input, id, cancellationToken);
        contract.Update(fields, region, db.UtcNow);
        await ContractWorkflow.SaveAsync(db, cancellationToken);
    }
}
