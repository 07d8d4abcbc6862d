using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
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
        await foreach (var chunk in ScreenAsync(db, await EnterprisesAsync(db, regionCode, ct), year, ct))
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

    /// <summary>One enterprise screened for the year (its detail page), or null when it has no profile in the caller's scope.</summary>
    public async Task<ScreeningRow?> HandleAsync(Guid enterpriseId, int year, CancellationToken ct)
    {
        ScreeningRow? row = null;
        await foreach (var chunk in ScreenAsync(db, [enterpriseId], year, ct))
        {
            if (chunk.Count > 0)
            {
                row ??= chunk[0];
            }
        }
        return row;
    }

    /// <summary>The enterprises (directory ids) with a profile in the region, in name order.</summary>
    internal static async Task<IReadOnlyList<Guid>> EnterprisesAsync(KechuangDb db, string? regionCode, CancellationToken ct)
    {
        return await db.Set<EnterpriseProfile>().AsNoTracking().UnderRegion(regionCode)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.OrganizationId!.Value).ToListAsync(ct);
    }

    /// <summary>
    /// Screens the given enterprises a chunk at a time (<see cref="ChunkSize"/>), reading only the columns the engines use
    /// (<see cref="ScreeningInputs.ReadAsync"/>), so memory stays flat however many enterprises the region holds. Each chunk
    /// is evaluated on a worker while the next one is read. Rows come in the order of <paramref name="enterprises"/>.
    /// </summary>
    internal static async IAsyncEnumerable<IReadOnlyList<ScreeningRow>> ScreenAsync(KechuangDb db, IReadOnlyList<Guid> enterprises, int year,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Task<List<ScreeningRow>>? evaluating = null;
        foreach (var chunk in enterprises.Chunk(ChunkSize))
        {
            var inputs = await ScreeningInputs.ReadAsync(db, chunk, year, ct);
            var previous = evaluating is null ? null : await evaluating;
            evaluating = Task.Run(() => Evaluate(chunk, inputs, year), ct);
            if (previous is not null)
            {
                yield return previous;
            }
        }
        if (evaluating is not null)
        {
            yield return await evaluating;
        }
    }

    /// <summary>Screens a chunk that has been read, in the order of <paramref name="chunk"/> (enterprises without a profile are skipped).</summary>
    internal static List<ScreeningRow> Evaluate(Guid[] chunk, Dictionary<Guid, ScreeningInputs> inputs, int year)
    {
        var day = ReferenceDay(year);
        var rows = new List<ScreeningRow>(chunk.Length);
        foreach (var id in chunk)
        {
            if (inputs.TryGetValue(id, out var e))
            {
                rows.Add(Screen(e.Profile, year, day, e.Years, e.IntellectualProperty, e.Qualifications, e.Institutions));
            }
        }
        return rows;
    }

    /// <summary>Screens one enterprise from its records (the entities as stored).</summary>
    public static ScreeningRow Screen(EnterpriseProfile profile, int year, DateOnly day, IReadOnlyList<EnterpriseYearRecord> records,
        IReadOnlyList<IntellectualPropertyRecord> ip, IReadOnlyList<Qualification> qualifications, IReadOnlyList<RdInstitution> institutions) =>
        Screen(ScreeningProfile.Of(profile), year, day, records.Select(ScreeningYear.Of).ToList(), ip.Select(ScreeningIp.Of).ToList(),
            qualifications.Select(ScreeningQualification.Of).ToList(), institutions.Select(ScreeningInstitution.Of).ToList());

    /// <summary>
    /// Screens one enterprise from the columns screening reads: both engines without condition details (screening stores
    /// eligibility, scores, pools and gaps, never the details), so the public endpoints' full answers cost nothing here.
    /// </summary>
    public static ScreeningRow Screen(ScreeningProfile profile, int year, DateOnly day, IReadOnlyList<ScreeningYear> records,
        IReadOnlyList<ScreeningIp> ip, IReadOnlyList<ScreeningQualification> qualifications, IReadOnlyList<ScreeningInstitution> institutions)
    {
        var fiscal = year - 1;
        ScreeningYear? latest = null;
        foreach (var r in records)
        {
            if (r.Year == fiscal)
            {
                latest = r;
                break;
            }
        }
        var holdsSme = false;
        var certificateOnDay = false;
        ScreeningQualification? certificate = null;
        var yearEnd = new DateOnly(year, 12, 31);
        foreach (var q in qualifications)
        {
            if (q.Kind == QualificationKind.TechSme && q.Year == year)
            {
                holdsSme = true;
            }
            if (q.Kind == QualificationKind.HighTechEnterprise)
            {
                // The certificate of the year: the one issued by its end that runs longest (the first of equals).
                if (q.ValidFrom <= yearEnd && (certificate is null || q.ValidUntil > certificate.ValidUntil))
                {
                    certificate = q;
                }
                if (q.IsValidOn(day))
                {
                    certificateOnDay = true;
                }
            }
        }
        var certificateValid = certificate is not null && certificate.ValidUntil >= new DateOnly(year, 1, 1);
        var hasInstitution = institutions.Count > 0;
        var sales = latest is null ? (decimal?)null : Money.ToYuan(latest.SalesRevenueFen);
        var aboveScale = sales is { } s && EnterpriseRules.IsAboveScale(profile.IsIndustrial, s);
        var pools = new List<string>(3);
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
            return new ScreeningRow(profile.OrganizationId, profile.Name, profile.RegionCode, profile.IsIndustrial, aboveScale, sales, false,
                holdsSme, certificateValid ? certificate!.ValidUntil : null, hasInstitution, null, null, pools);
        }

        var smeIp = new List<TechSmeIntellectualProperty>(ip.Count);
        var hteIp = new List<HighTechIntellectualProperty>(ip.Count);
        foreach (var p in ip)
        {
            if (p.IsValidOn(day))
            {
                smeIp.Add(new TechSmeIntellectualProperty(p.Kind, true));
                hteIp.Add(new HighTechIntellectualProperty(p.Kind, true, p.SelfDeveloped));
            }
        }
        var direct = new List<DirectQualification>(2);
        if (certificateOnDay)
        {
            direct.Add(DirectQualification.HighTechCertificate);
        }
        foreach (var i in institutions)
        {
            if (i.Level >= Level.Provincial)
            {
                direct.Add(DirectQualification.ProvincialRdInstitution);
                break;
            }
        }
        var salesRevenue = Money.ToYuan(latest.SalesRevenueFen);
        var sme = TechSmeEvaluation.Evaluate(new TechSmeInput(year, profile.ResidentEnterprise, profile.TaxCollection, profile.IndustryCode,
            profile.RestrictedOrEliminated, latest.SeriousIncidents, latest.OnCreditBlacklist, latest.Employees, latest.TechStaff, [], salesRevenue,
            Money.ToYuan(latest.TotalAssetsFen), latest.RdTotal, Money.ToYuan(latest.TotalCostsAndExpensesFen), smeIp, direct), withDetails: false);

        // 高企: the contiguous run of fiscal years ending with the latest, at most three (oldest first).
        var chain = new List<HighTechYear>(3);
        for (var y = fiscal; chain.Count < 3; y--)
        {
            ScreeningYear? found = null;
            foreach (var r in records)
            {
                if (r.Year == y)
                {
                    found = r;
                    break;
                }
            }
            if (found is null)
            {
                break;
            }
            chain.Insert(0, new HighTechYear(found.Year, Money.ToYuan(found.SalesRevenueFen), found.NetAssets, Money.ToYuan(found.RdInHouseDomesticFen),
                Money.ToYuan(found.RdCommissionedDomesticFen), Money.ToYuan(found.RdCommissionedOverseasFen), found.Transformations));
        }
        var hte = HighTechEvaluation.Evaluate(new HighTechInput(profile.RegistrationDate, day, hteIp.Count > 0, profile.InSupportedField,
            latest.SeriousIncidents, chain,
            new HighTechLatestYear(Money.ToYuan(latest.TotalIncomeFen), Money.ToYuan(latest.NonTaxableIncomeFen), Money.ToYuan(latest.HighTechRevenueFen),
                latest.TechStaff, latest.Employees),
            hteIp, NoExpertScores), withDetails: false);
        var hard = true;
        foreach (var c in hte.Conditions)
        {
            if (!c.Met && c.Code != HighTechEvaluation.ScoreAbove70)
            {
                hard = false;
                break;
            }
        }

        if (sme.Eligible && !holdsSme)
        {
            pools.Insert(0, CultivationPools.TechSmeCandidate);
        }
        var certificateRunsOn = certificateValid && certificate!.ValidUntil.Year > year;
        if (!certificateRunsOn && hard && hte.Score.Max > HighTechRules.PassScoreExclusive)
        {
            pools.Insert(pools.Contains(CultivationPools.TechSmeCandidate) ? 1 : 0, CultivationPools.HighTechCandidate);
        }
        var hteGaps = new List<string>(hte.Gaps.Count);
        foreach (var g in hte.Gaps)
        {
            if (!g.StartsWith("按各项最低分", StringComparison.Ordinal))
            {
                hteGaps.Add(g);
            }
        }
        return new ScreeningRow(profile.OrganizationId, profile.Name, profile.RegionCode, profile.IsIndustrial, aboveScale, sales, true,
            holdsSme, certificateValid ? certificate!.ValidUntil : null, hasInstitution,
            new TechSmeScreening(sme.Eligible, sme.DirectlyQualified, sme.Score, sme.Gaps),
            new HighTechScreening(hte.Eligible, hard, hte.Score.Min, hte.Score.Max, hteGaps),
            pools);
    }

    private static readonly HighTechExpertScores NoExpertScores = new();
}
