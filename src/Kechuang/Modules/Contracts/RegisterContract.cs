using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>The answer to a registration: the number assigned.</summary>
public sealed record RegisterResult(string RegistrationNumber);

/// <summary>
/// under-review → registered with a new registration number (<see cref="ContractsRules.RegistrationNumber"/>).
/// Two guards make concurrent calls safe on both providers without locks held across requests:
/// the contract's <see cref="TechContract.Version"/> concurrency token (two reviewers registering the
/// same contract: the second UPDATE matches no row, 409, nothing saved) and the unique index on the
/// number (two contracts of one county at once: the second INSERT of the same number fails and is
/// retried with the next number).
/// </summary>
public sealed class RegisterContractHandler(KechuangDb db, TimeProvider clock)
{
    private const int Attempts = 20;

    public async Task<RegisterResult> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Approve);
        for (var attempt = 1; ; attempt++)
        {
            var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
            var year = ContractsRules.LocalDate(clock.GetUtcNow().UtcDateTime).Year;
            var number = await NextNumberAsync(db, contract.RegionCode, year, cancellationToken);
            db.Add(contract.Register(number, clock, db.User.UserName));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new RegisterResult(number);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleException("contracts.changed", "合同已被他人同时处理，请刷新后查看最新状态");
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The number was taken by another contract registered at the same moment: try the next one.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The next free sequence of the county and year, looking across every region (numbers are unique nationally).</summary>
    internal static async Task<string> NextNumberAsync(KechuangDb db, string regionCode, int year, CancellationToken cancellationToken)
    {
        var prefix = ContractsRules.RegistrationPrefix(regionCode, year);
        var taken = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegistrationNumber != null && c.RegistrationNumber.StartsWith(prefix))
            .Select(c => c.RegistrationNumber!).ToListAsync(cancellationToken);
        var last = taken.Select(n => ContractsRules.SequenceOf(n, prefix)).DefaultIfEmpty(0).Max();
        if (last >= 9999)
        {
            throw new RuleException("contracts.numbers-exhausted", $"{year}年本县登记号已用尽（每县每年最多9999份）");
        }
        return ContractsRules.RegistrationNumber(regionCode, year, last + 1);
    }
}
