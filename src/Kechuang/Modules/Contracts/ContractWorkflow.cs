using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>Refusal body: one official reason (kebab-case or its Chinese name) and an optional note (required for “other”).</summary>
public sealed record RefuseInput(string? Reason, string? Note);

/// <summary>Return body: what the seller must correct.</summary>
public sealed record ReturnInput(string? Note);

/// <summary>
/// The workflow's steps other than registration: submit (the seller's account, or staff entering a
/// paper contract), review, return and refuse (staff of the contract's region). The data scope decides
/// which contracts a caller can reach; the entity decides which transitions are legal (409 otherwise).
/// </summary>
public sealed class ContractWorkflow(KechuangDb db)
{
    public Task<ContractState> SubmitAsync(Guid id, CancellationToken cancellationToken = default) =>
        StepAsync(id, staffOnly: false, c => c.Submit(db.User.UserName, db.UtcNow), cancellationToken);

    public Task<ContractState> ReviewAsync(Guid id, CancellationToken cancellationToken = default) =>
        StepAsync(id, staffOnly: true, c => c.Review(db.User.UserName, db.UtcNow), cancellationToken);

    public Task<ContractState> ReturnAsync(Guid id, ReturnInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var note = errors.Text("note", "退回补正意见", input.Note, ContractsRules.NoteMax);
        errors.ThrowIfAny();
        return StepAsync(id, staffOnly: true, c => c.Return(note, db.User.UserName, db.UtcNow), cancellationToken);
    }

    public Task<ContractState> RefuseAsync(Guid id, RefuseInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var reason = errors.Enum("reason", "不予登记理由", input.Reason, ContractsRules.RefusalReasonNames);
        var note = errors.Text("note", "说明", input.Note, ContractsRules.NoteMax, required: reason == RefusalReason.Other);
        errors.ThrowIfAny();
        return StepAsync(id, staffOnly: true, c => c.Refuse(reason!.Value, note.Length == 0 ? null : note, db.User.UserName, db.UtcNow), cancellationToken);
    }

    private async Task<ContractState> StepAsync(Guid id, bool staffOnly, Func<TechContract, ContractTransition> step, CancellationToken cancellationToken)
    {
        ContractAccess.EnsureMayRead(db.User);
        if (staffOnly)
        {
            ContractAccess.EnsureStaff(db.User);
        }
        var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        db.Add(step(contract));
        await SaveAsync(db, cancellationToken);
        return State(contract);
    }

    internal static ContractState State(TechContract c) =>
        new(c.Id, Kebab.From(c.Status), ContractsRules.StatusNames[c.Status], c.RegistrationNumber);

    /// <summary>Saves a transition; when another request changed the contract first, the loser gets 409 and nothing is saved.</summary>
    internal static async Task SaveAsync(KechuangDb db, CancellationToken cancellationToken)
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

/// <summary>Who may work with contracts at all: bureau staff, and enterprise/institution accounts (their own, by data scope).</summary>
public static class ContractAccess
{
    public static void EnsureMayRead(CurrentUser user)
    {
        if (user.Scope.All)
        {
            return;
        }
        if (user.Role is not { } role || !(role.IsStaff() || role is Role.Enterprise or Role.Institution))
        {
            throw new ForbiddenException("只有科技局工作人员和合同卖方单位可以查看技术合同");
        }
    }

    public static void EnsureStaff(CurrentUser user)
    {
        if (!user.Scope.All && user.Role?.IsStaff() != true)
        {
            throw new ForbiddenException("只有合同登记地科技局工作人员可以审核登记");
        }
    }

    public static bool IsStaff(CurrentUser user) => user.Scope.All || user.Role?.IsStaff() == true;
}
