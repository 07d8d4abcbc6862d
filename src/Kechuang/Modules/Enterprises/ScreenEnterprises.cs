using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>培育库: the pools screening sorts enterprises into.</summary>
public static class CultivationPools
{
    public const string TechSmeCandidate = "tech-sme-candidate";
    public const string HighTechCandidate = "high-tech-candidate";
    public const string HighTechExpiring = "high-tech-expiring";
    public const string ScaleUp = "scale-up";
    public const string RdCoverageGap = "rd-coverage-gap";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [TechSmeCandidate] = "科小培育对象（符合条件、尚未入库）",
        [HighTechCandidate] = "高企培育对象（硬性条件已满足）",
        [HighTechExpiring] = "高企证书本年到期",
        [ScaleUp] = "规下高企（小升规培育对象）",
        [RdCoverageGap] = "亿元以上规上工业企业未设研发机构",
    };

    /// <summary>Tag labels for lists.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortNames = new Dictionary<string, string>
    {
        [TechSmeCandidate] = "科小培育",
        [HighTechCandidate] = "高企培育",
        [HighTechExpiring] = "证书本年到期",
        [ScaleUp] = "小升规",
        [RdCoverageGap] = "研发机构空白",
    };
}

public sealed record TechSmeScreening(bool Eligible, bool DirectlyQualified, int Score, IReadOnlyList<string> Gaps);

public sealed record HighTechScreening(bool Eligible, bool HardConditionsMet, int MinScore, int MaxScore, IReadOnlyList<string> Gaps);

public sealed record ScreeningRow(
    Guid EnterpriseId,
    string Name,
    string RegionCode,
    bool Industrial,
    bool AboveScale,
    decimal? SalesRevenue,
    bool HasData,
    bool HoldsTechSme,
    DateOnly? HighTechValidUntil,
    bool HasRdInstitution,
    TechSmeScreening? TechSme,
    HighTechScreening? HighTech,
    IReadOnlyList<string> Pools);

public sealed record FunnelYear(int Year, int TechSme, int HighTech, int AboveScale, int WithRdInstitution);

public sealed record ScreeningResult(int Year, int FiscalYear, string RegionCode, IReadOnlyList<ScreeningRow> Items, int Total, IReadOnlyDictionary<string, int> Pools);

/// <summary>A stored screening run: how many enterprises, and how many fell into each pool.</summary>
public sealed record ScreeningSummary(int Year, int FiscalYear, string RegionCode, int Total, IReadOnlyDictionary<string, int> Pools);

/// <summary>
/// Runs both official engines over every enterprise profile of a region for an evaluation year, from stored records:
/// figures of the previous fiscal year (three years back for 高企), IP granted and certificates valid on the
/// reference day (30 June of the year, when 高企 applications are usually made). Nothing is typed in.
/// </summary>
public sealed class ScreenEnterprisesHandler(KechuangDb db)
{
    /// <summary>Enterprises read and screened together: one query per table for a thousand enterprises.</summary>
    public const int ChunkSize = 1000;

    public static DateOnly ReferenceDay(int year) => new(year, 6, 30);

    public async Task<ScreeningResult> HandleAsync(string? regionCode, int year, string? pool, CancellationToken ct)
    {
        var rows = new List<ScreeningRow>();
        await foreach (var chunk in ScreenAsync(await EnterprisesAsync(regionCode, ct), year, ct))
        {
            rows.AddRange(chunk);
        }
        var counts = CultivationPools.Names.Keys.ToDictionary(k => k, k => rows.Count(r => r.Pools.Contains(k)));
        if (!string.IsNullOrWhiteSpace(pool))
        {
            rows = rows.Where(r => r.Pools.Contains(pool)).ToList();
        }
        return new ScreeningResult(year, year - 1, regionCode ?? "", rows, rows.Count, counts);
    }

    /// <summary>The enterprises (directory ids) with a profile in the region, in name order.</summary>
    public async Task<IReadOnlyList<Guid>> EnterprisesAsync(string? regionCode, CancellationToken ct)
    {
        var region = string.IsNullOrWhiteSpace(regionCode) ? "" : Platform.Access.DataScope.Prefix(regionCode);
        return await db.Set<EnterpriseProfile>().AsNoTracking().Where(p => p.RegionCode.StartsWith(region))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.OrganizationId!.Value).ToListAsync(ct);
    }

    /// <summary>
    /// Screens the given enterprises a chunk at a time (<see cref="ChunkSize"/>), reading each chunk's records untracked, so
    /// memory stays flat however many enterprises the region holds. Rows come in the order of <paramref name="enterprises"/>.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ScreeningRow>> ScreenAsync(IReadOnlyList<Guid> enterprises, int year,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var fiscal = year - 1;
        var day = ReferenceDay(year);
        foreach (var chunk in enterprises.Chunk(ChunkSize))
        {
            var ids = chunk.Select(id => (Guid?)id).ToList();
            var profiles = (await db.Set<EnterpriseProfile>().AsNoTracking().Where(p => ids.Contains(p.OrganizationId)).ToListAsync(ct))
                .ToDictionary(p => p.OrganizationId!.Value);
            var records = (await db.Set<EnterpriseYearRecord>().AsNoTracking()
                    .Where(r => ids.Contains(r.OrganizationId) && r.Year >= fiscal - 2 && r.Year <= fiscal).ToListAsync(ct))
                .ToLookup(r => r.OrganizationId!.Value);
            var ip = (await db.Set<IntellectualPropertyRecord>().AsNoTracking().Where(p => ids.Contains(p.OrganizationId)).ToListAsync(ct))
                .ToLookup(p => p.OrganizationId!.Value);
            var qualifications = (await db.Set<Qualification>().AsNoTracking().Where(q => ids.Contains(q.OrganizationId)).ToListAsync(ct))
                .ToLookup(q => q.OrganizationId!.Value);
            var institutions = (await db.Set<RdInstitution>().AsNoTracking().Where(i => ids.Contains(i.OrganizationId) && i.Year <= year).ToListAsync(ct))
                .ToLookup(i => i.OrganizationId!.Value);
            var rows = new List<ScreeningRow>(chunk.Length);
            foreach (var id in chunk)
            {
                if (profiles.TryGetValue(id, out var profile))
                {
                    rows.Add(Screen(profile, year, day, records[id].ToList(), ip[id].ToList(), qualifications[id].ToList(), institutions[id].ToList()));
                }
            }
            yield return rows;
        }
    }

    /// <summary>Screens and stores one result per enterprise and year (replacing an earlier run of the year); returns how many.</summary>
    public async Task<int> RunAsync(string? regionCode, int year, CancellationToken ct) => (await RunAndStoreAsync(regionCode, year, null, ct)).Total;

    /// <summary>
    /// Screens and stores as <see cref="RunAsync"/>, a chunk at a time (results replaced through the bulk writer in one transaction),
    /// reporting each enterprise as it is recorded (position from 1, count, row) — the command line prints it — and returns
    /// the count of every pool. The rows themselves are not kept: a county can hold hundreds of thousands.
    /// </summary>
    public async Task<ScreeningSummary> RunAndStoreAsync(string? regionCode, int year, Action<int, int, ScreeningRow>? progress, CancellationToken ct)
    {
        var enterprises = await EnterprisesAsync(regionCode, ct);
        var counts = CultivationPools.Names.Keys.ToDictionary(k => k, _ => 0);
        var position = 0;
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The run replaces the year's results in one transaction (all or nothing): each chunk's earlier results are
        // deleted and the new ones written by the bulk writer (results are not audited row by row, ADR 009).
        await using (var bulk = await BulkInsert.BeginAsync(db, ct))
        {
            await foreach (var rows in ScreenAsync(enterprises, year, ct))
            {
                var ids = rows.Select(r => (Guid?)r.EnterpriseId).ToList();
                await db.Set<ScreeningRecord>().Where(r => r.Year == year && ids.Contains(r.OrganizationId)).ExecuteDeleteAsync(ct);
                var records = new List<ScreeningRecord>(rows.Count);
                foreach (var row in rows)
                {
                    var record = new ScreeningRecord(row.EnterpriseId, row.RegionCode, year, db.UtcNow);
                    record.Record(row, db.UtcNow);
                    records.Add(record);
                    digest.AppendData(Encoding.UTF8.GetBytes(
                        $"{row.EnterpriseId:N}|{record.TechSmeEligible}|{record.TechSmeScore}|{record.HighTechHardConditionsMet}|{record.HighTechMinScore}|{record.HighTechMaxScore}|{string.Join(',', row.Pools)}\n"));
                    foreach (var pool in row.Pools)
                    {
                        counts[pool]++;
                    }
                    position++;
                    progress?.Invoke(position, enterprises.Count, row);
                }
                await bulk.InsertAsync(records, ct);
                db.ChangeTracker.Clear();
            }
            await bulk.CommitAsync(ct);
        }
        // One event for the run instead of one entry per result (ADR 009): who screened which region and year, how
        // many, what each pool held, and a digest over every stored result in screening order.
        var details = JsonSerializer.Serialize(new
        {
            year,
            regionCode = regionCode ?? "",
            screened = position,
            pools = counts,
            sha256 = Convert.ToHexStringLower(digest.GetHashAndReset()),
        });
        db.AuditEvent("enterprises_screening_record", $"{regionCode}/{year}", "screen", details);
        await db.SaveChangesAsync(ct);
        return new ScreeningSummary(year, year - 1, regionCode ?? "", position, counts);
    }

    /// <summary>梯次培育漏斗 by year from the records: 科小 entries, valid 高企 certificates, 规上 industrial enterprises, enterprises with an R&amp;D institution.</summary>
    public async Task<IReadOnlyList<FunnelYear>> FunnelAsync(string? regionCode, int fromYear, int toYear, CancellationToken ct)
    {
        var region = string.IsNullOrWhiteSpace(regionCode) ? "" : Platform.Access.DataScope.Prefix(regionCode);
        var qualifications = await db.Set<Qualification>().AsNoTracking().Where(q => q.RegionCode.StartsWith(region)).ToListAsync(ct);
        var industrial = (await db.Set<EnterpriseProfile>().AsNoTracking().Where(p => p.RegionCode.StartsWith(region)).Select(p => new { p.OrganizationId, p.IndustryCode }).ToListAsync(ct))
            .Where(p => EnterpriseRules.IsIndustrial(p.IndustryCode)).Select(p => p.OrganizationId).ToHashSet();
        var threshold = Money.ToFen(EnterpriseRules.AboveScaleRevenue);
        var large = await db.Set<EnterpriseYearRecord>().AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(region) && r.Year >= fromYear && r.Year <= toYear && r.SalesRevenueFen >= threshold)
            .Select(r => new { r.OrganizationId, r.Year }).ToListAsync(ct);
        var institutions = await db.Set<RdInstitution>().AsNoTracking().Where(i => i.RegionCode.StartsWith(region)).Select(i => new { i.OrganizationId, i.Year }).ToListAsync(ct);
        var funnel = new List<FunnelYear>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var end = new DateOnly(year, 12, 31);
            funnel.Add(new FunnelYear(year,
                qualifications.Where(q => q.Kind == QualificationKind.TechSme && q.Year == year).Select(q => q.OrganizationId).Distinct().Count(),
                qualifications.Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= end && q.ValidUntil >= new DateOnly(year, 1, 1)).Select(q => q.OrganizationId).Distinct().Count(),
                large.Where(r => r.Year == year && industrial.Contains(r.OrganizationId)).Select(r => r.OrganizationId).Distinct().Count(),
                institutions.Where(i => i.Year <= year).Select(i => i.OrganizationId).Distinct().Count()));
        }
        return funnel;
    }

    public static ScreeningRow Screen(EnterpriseProfile profile, int year, DateOnly day, IReadOnlyList<EnterpriseYearRecord> records,
        IReadOnlyList<IntellectualPropertyRecord> ip, IReadOnlyList<Qualification> qualifications, IReadOnlyList<RdInstitution> institutions)
    {
        var fiscal = year - 1;
        var latest = records.FirstOrDefault(r => r.Year == fiscal);
        var holdsSme = qualifications.Any(q => q.Kind == QualificationKind.TechSme && q.Year == year);
        var certificate = qualifications.Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= new DateOnly(year, 12, 31))
            .OrderByDescending(q => q.ValidUntil).FirstOrDefault();
        var certificateValid = certificate is not null && certificate.ValidUntil >= new DateOnly(year, 1, 1);
        var hasInstitution = institutions.Count > 0;
        var sales = latest is null ? (decimal?)null : Money.ToYuan(latest.SalesRevenueFen);
        var aboveScale = sales is { } s && EnterpriseRules.IsAboveScale(profile.IsIndustrial, s);
        var pools = new List<string>();
        if (certificateValid && certificate!.ValidUntil.Year == year)
        {
            pools.Add(CultivationPools.HighTechExpiring);
        }
        if (certificateValid && profile.IsIndustrial && sales is not null && !aboveScale)
        {
            pools.Add(CultivationPools.ScaleUp);
        }
        if (aboveScale && sales >= EnterpriseRules.HundredMillion && !hasInstitution)
        {
            pools.Add(CultivationPools.RdCoverageGap);
        }
        if (latest is null)
        {
            return new ScreeningRow(profile.OrganizationId!.Value, profile.Name, profile.RegionCode, profile.IsIndustrial, aboveScale, sales, false,
                holdsSme, certificateValid ? certificate!.ValidUntil : null, hasInstitution, null, null, pools);
        }

        var validIp = ip.Where(p => p.IsValidOn(day)).ToList();
        var direct = new List<DirectQualification>();
        if (qualifications.Any(q => q.Kind == QualificationKind.HighTechEnterprise && q.IsValidOn(day)))
        {
            direct.Add(DirectQualification.HighTechCertificate);
        }
        if (institutions.Any(i => i.Level >= Level.Provincial))
        {
            direct.Add(DirectQualification.ProvincialRdInstitution);
        }
        var f = latest.Figures();
        var sme = TechSmeEvaluation.Evaluate(new TechSmeInput(year, profile.ResidentEnterprise, profile.TaxCollection, profile.IndustryCode,
            profile.RestrictedOrEliminated, f.SeriousIncidents, f.OnCreditBlacklist, f.Employees, f.TechStaff, [], f.SalesRevenue, f.TotalAssets,
            latest.RdTotal, f.TotalCostsAndExpenses, validIp.Select(p => new TechSmeIntellectualProperty(p.Kind, true)).ToList(), direct));

        // 高企: the contiguous run of fiscal years ending with the latest, at most three.
        var chain = new List<EnterpriseYearRecord> { latest };
        while (chain.Count < 3 && records.FirstOrDefault(r => r.Year == chain[0].Year - 1) is { } previous)
        {
            chain.Insert(0, previous);
        }
        var hte = HighTechEvaluation.Evaluate(new HighTechInput(profile.RegistrationDate, day, validIp.Count > 0, profile.InSupportedField,
            f.SeriousIncidents,
            chain.Select(r => new HighTechYear(r.Year, Money.ToYuan(r.SalesRevenueFen), r.NetAssets, Money.ToYuan(r.RdInHouseDomesticFen),
                Money.ToYuan(r.RdCommissionedDomesticFen), Money.ToYuan(r.RdCommissionedOverseasFen), r.Transformations)).ToList(),
            new HighTechLatestYear(f.TotalIncome, f.NonTaxableIncome, f.HighTechRevenue, f.TechStaff, f.Employees),
            validIp.Select(p => new HighTechIntellectualProperty(p.Kind, true, p.SelfDeveloped)).ToList(),
            new HighTechExpertScores()));
        var hard = hte.Conditions.Where(c => c.Code != HighTechEvaluation.ScoreAbove70).All(c => c.Met);

        if (sme.Eligible && !holdsSme)
        {
            pools.Insert(0, CultivationPools.TechSmeCandidate);
        }
        var certificateRunsOn = certificateValid && certificate!.ValidUntil.Year > year;
        if (!certificateRunsOn && hard && hte.Score.Max > HighTechRules.PassScoreExclusive)
        {
            pools.Insert(pools.Contains(CultivationPools.TechSmeCandidate) ? 1 : 0, CultivationPools.HighTechCandidate);
        }
        return new ScreeningRow(profile.OrganizationId!.Value, profile.Name, profile.RegionCode, profile.IsIndustrial, aboveScale, sales, true,
            holdsSme, certificateValid ? certificate!.ValidUntil : null, hasInstitution,
            new TechSmeScreening(sme.Eligible, sme.DirectlyQualified, sme.Score, sme.Gaps),
            new HighTechScreening(hte.Eligible, hard, hte.Score.Min, hte.Score.Max, hte.Gaps.Where(g => !g.StartsWith("按各项最低分", StringComparison.Ordinal)).ToList()),
            pools);
    }
}
