using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Enterprises.Public;

/// <summary>
/// 科技型中小企业 入库登记 for other modules: who holds a valid entry, and adding one. The methods take the
/// caller's <see cref="KechuangDb"/> (an indicator is handed one; a demo loader adds in its own unit of work),
/// so data scope and audit apply as for the caller; the implementation keeps no state and is a singleton.
/// </summary>
public interface ITechSmeRoster
{
    /// <summary>Enterprise ids of <paramref name="regionCode"/> (and its towns) with an entry valid at some day of <paramref name="period"/>.</summary>
    Task<IReadOnlyList<Guid>> EnterprisesAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="organizationIds"/> hold an entry valid at some day of <paramref name="period"/>, wherever they are
    /// registered (a park's tenants may come from another county; the caller's data scope still applies).
    /// </summary>
    Task<IReadOnlyList<Guid>> HoldersAsync(KechuangDb db, IReadOnlyCollection<Guid> organizationIds, Period period, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an entry of <paramref name="year"/> (valid that calendar year, 国科火字〔2019〕87号) to the caller's unit of
    /// work; the caller's <c>SaveChangesAsync</c> commits it. 400 for a bad year or number, 409 when the number is taken
    /// or the enterprise already has an entry of that year.
    /// </summary>
    Task<Guid> AddEntryAsync(KechuangDb db, Guid organizationId, string regionCode, int year, string number, CancellationToken cancellationToken = default);
}
