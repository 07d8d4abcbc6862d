using Kechuang.Modules.Contracts.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>Refusal body: one official reason (kebab-case or its Chinese name) and an optional note (required for “other”).</summary>
public sealed record RefuseInput(string? Reason, string? Note);

/// <summary>Return body: what the seller must correct.</summary>
public sealed record ReturnInput(string? Note);

/// <summary>提交: the seller's account, or staff entering a paper contract, sends a draft or a corrected contract for review.</summary>
public sealed class SubmitContractHandler(KechuangDb db)
{
    public Task<ContractState> HandleAsync(Guid id, CancellationToken cancellationToken = default) =>
        ContractSteps.ApplyAsync(db, id, ContractsPermissions.Submit, c => c.Submit(db.User.UserName, db.UtcNow), cancellationToken);
}

/// <summary>受理审核: staff of the contract's region take a submitted contract under review.</summary>
public sealed class ReviewContractHandler(KechuangDb db)
{
    public Task<ContractState> HandleAsync(Guid id, CancellationToken cancellationToken = default) =>
        ContractSteps.ApplyAsync(db, id, ContractsPermissions.Approve, c => c.Review(db.User.UserName, db.UtcNow), cancellationToken);
}

/// <summary>退回补正: staff send a contract back to the seller with what to correct.</summary>
public sealed class ReturnContractHandler(KechuangDb db)
{
    public Task<ContractState> HandleAsync(Guid id, ReturnInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Approve);
        var errors = new FieldErrors();
        var note = ContractsRules.ValidateReturn(input, errors);
        errors.ThrowIfAny();
        return ContractSteps.ApplyAsync(db, id, ContractsPermissions.Approve, c => c.Return(note, db.User.UserName, db.UtcNow), cancellationToken);
    }
}

/// <summary>不予登记: staff refuse a contract for one of the official reasons.</summary>
public sealed class RefuseContractHandler(KechuangDb db)
{
    public Task<ContractState> HandleAsync(Guid id, RefuseInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Approve);
        var errors = new FieldErrors();
        var (reason, note) = ContractsRules.ValidateRefusal(input, errors);
        errors.ThrowIfAny();
        return ContractSteps.ApplyAsync(db, id, ContractsPermissions.Approve, c => c.Refuse(reason!.Value, note, db.User.UserName, db.UtcNow), cancellationToken);
    }
}

/// <summary>
/// How a workflow step is taken. The role-permission table decides whether the caller may take it at all; the data
/// scope decides which contracts a caller can reach; the entity decides which transitions are legal (409 otherwise);
/// the contract's version decides between two callers at once.
/// </summary>
internal static class ContractSteps
{
    public static async Task<ContractState> ApplyAsync(KechuangDb db, Guid id, Permission permission, Func<TechContract, ContractTransition> step,
        CancellationToken cancellationToken)
    {
        db.User.Demand(permission);
        var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        db.Add(step(contract));
        await SaveAsync(db, cancellationToken);
        return State(contract);
    }

    public static ContractState State(TechContract c) =>
        new(c.Id, Kebab.From(c.Status), ContractsRules.StatusNames[c.Status], c.RegistrationNumber);

    /// <summary>Saves a transition; when another request changed the contract first, the loser gets 409 and nothing is saved.</summary>
    public static async Task SaveAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("contracts.changed", "合同已被他人同时处理，请刷新后查看最新状态");
        }
    }
}

/// <summary>Which sellers a caller registers for (who may work with contracts at all is <see cref="ContractsPermissions"/>).</summary>
public static class ContractAccess
{
    public static bool IsStaff(CurrentUser user) => user.Scope.All || user.Role?.IsStaff() == true;

    /// <summary>The seller is the registering party: an enterprise or institution only for itself, staff only for sellers in their region.</summary>
    public static void EnsureMayRegisterFor(CurrentUser user, OrganizationInfo seller)
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
}
