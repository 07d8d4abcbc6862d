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
    // Twenty registrations of one point at the same moment each need at most twenty rounds; the rest is margin.
    private const int Attempts = 40;

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

    /// <summary>
    /// The next free number of the registration point serving the contract's county, in <paramref name="year"/>,
    /// looking across every region (numbers are unique nationally).
    /// </summary>
    internal static async Task<string> NextNumberAsync(KechuangDb db, string regionCode, int year, CancellationToken cancellationToken)
    {
        var county = ContractsRules.CountyCode(regionCode);
        var point = await db.Set<RegistrationPoint>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(p => p.RegionCode == county, cancellationToken);
        if (point is not { Active: true })
        {
            throw new RuleException("contracts.no-registration-point", point is null
                ? "合同所在县（市、区）尚未设立技术合同登记点，请先在“合同登记点”中设立"
                : $"{point.Name}已停止登记，请先在“合同登记点”中启用");
        }
        var prefix = ContractsRules.RegistrationPrefix(point.CityCode, point.Code, year);
        var taken = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegistrationNumber != null && c.RegistrationNumber.StartsWith(prefix))
            .Select(c => c.RegistrationNumber!).ToListAsync(cancellationToken);
        var last = taken.Select(n => ContractsRules.SequenceOf(n, prefix)).DefaultIfEmpty(0).Max();
        if (last >= ContractsRules.MaxSequence)
        {
            throw new RuleException("contracts.numbers-exhausted", $"{year}年{point.Name}的登记号已用尽（每个登记点每年最多999999份）");
        }
        return ContractsRules.RegistrationNumber(point.CityCode, point.Code, year, last + 1);
    }
}
