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
/// <remarks>
/// Created by the services it also gets the context factory: a run then reads on a second connection while it writes on the
/// first (<see cref="RunAndStoreAsync"/>). Created with a context alone (pages, tests) it does everything on that one.
/// </remarks>
public sealed class ScreenEnterprisesHandler(KechuangDb db, IDbContextFactory<KechuangDb>? contexts = null)
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
    /// Screens the given enterprises a chunk at a time (<see cref="ChunkSize"/>), reading only the columns the engines use
    /// (<see cref="ScreeningInputs.ReadAsync"/>), so memory stays flat however many enterprises the region holds. Each chunk
    /// is evaluated on a worker while the next one is read. Rows come in the order of <paramref name="enterprises"/>.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ScreeningRow>> ScreenAsync(IReadOnlyList<Guid> enterprises, int year,
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
    private static List<ScreeningRow> Evaluate(Guid[] chunk, Dictionary<Guid, ScreeningInputs> inputs, int year)
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

    /// <summary>Screens and stores one result per enterprise and year (replacing an earlier run of the year); returns how many.</summary>
    public async Task<int> RunAsync(string? regionCode, int year, CancellationToken ct) => (await RunAndStoreAsync(regionCode, year, null, ct)).Total;

    /// <summary>Enterprises whose earlier results of the year one delete statement removes.</summary>
    private const int DeleteChunkSize = 10_000;

    /// <summary>
    /// Screens and stores as <see cref="RunAsync"/>, a chunk at a time (results replaced through the bulk writer in one transaction),
    /// reporting each enterprise as it is recorded (position from 1, count, row) — the command line prints it — and returns
    /// the count of every pool. The rows themselves are not kept: a county can hold hundreds of thousands.
    /// A pipeline (ADR 009): a reader task reads chunks into a bounded channel, an evaluator task screens them and builds their
    /// results, the run's counts and its digest into a second one, and this flow writes them. With a context factory (the handler
    /// as the services create it) the reader has a connection of its own, so reading overlaps writing; otherwise reads and writes
    /// take turns on the one connection. At most a few chunks are in memory.
    /// </summary>
    public async Task<ScreeningSummary> RunAndStoreAsync(string? regionCode, int year, Action<int, int, ScreeningRow>? progress, CancellationToken ct)
    {
        var enterprises = await EnterprisesAsync(regionCode, ct);
        var run = new ScreeningRun(year, db.UtcNow);
        var position = 0;
        // The reader's own context: same caller, same data scope, its own connection (reads committed records; the results it
        // never reads are written in the transaction below).
        await using var readerDb = contexts?.CreateDbContext();
        var source = readerDb ?? db;
        await using var readerConnection = readerDb is null ? null : await ScreeningInputs.OpenReaderAsync(readerDb, ct);
        using var turns = readerDb is null ? new SemaphoreSlim(1, 1) : null;
        // The run replaces the year's results in one transaction (all or nothing): the enterprises' earlier results are
        // deleted first, then the new ones written by the bulk writer (results are not audited row by row, ADR 009).
        await using (var bulk = await BulkInsert.BeginAsync(db, ct))
        {
            foreach (var chunk in enterprises.Chunk(DeleteChunkSize))
            {
                var ids = chunk.Select(id => (Guid?)id).ToList();
                await db.Set<ScreeningRecord>().Where(r => r.Year == year && EF.Parameter(ids).Contains(r.OrganizationId)).ExecuteDeleteAsync(ct);
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var read = Channel.CreateBounded<(Guid[] Chunk, Dictionary<Guid, ScreeningInputs> Inputs)>(
                new BoundedChannelOptions(PipelineDepth) { SingleReader = true, SingleWriter = true });
            var screened = Channel.CreateBounded<ScreenedChunk>(new BoundedChannelOptions(PipelineDepth) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(async () =>
            {
                try
                {
                    foreach (var chunk in enterprises.Chunk(ChunkSize))
                    {
                        var inputs = await OnConnectionAsync(turns, () => ScreeningInputs.ReadAsync(source, chunk, year, stop.Token), stop.Token);
                        await read.Writer.WriteAsync((chunk, inputs), stop.Token);
                    }
                    read.Writer.Complete();
                }
                catch (Exception e)
                {
                    read.Writer.Complete(e);
                }
            }, stop.Token);
            var evaluating = Task.Run(async () =>
            {
                try
                {
                    await foreach (var (chunk, inputs) in read.Reader.ReadAllAsync(stop.Token))
                    {
                        await screened.Writer.WriteAsync(run.Add(Evaluate(chunk, inputs, year)), stop.Token);
                    }
                    screened.Writer.Complete();
                }
                catch (Exception e)
                {
                    screened.Writer.Complete(e);
                }
            }, stop.Token);
            try
            {
                await foreach (var chunk in screened.Reader.ReadAllAsync(stop.Token))
                {
                    await OnConnectionAsync(turns, async () =>
                    {
                        await bulk.InsertAsync(chunk.Records, stop.Token);
                        return true;
                    }, stop.Token);
                    foreach (var row in chunk.Rows)
                    {
                        position++;
                        progress?.Invoke(position, enterprises.Count, row);
                    }
                }
            }
            finally
            {
                // A failure anywhere stops the others; none outlives the contexts (their errors come through the channels).
                await stop.CancelAsync();
                await Task.WhenAll(reading, evaluating).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
            pools = run.Counts,
            sha256 = run.Digest(),
        });
        db.AuditEvent("enterprises_screening_record", $"{regionCode}/{year}", "screen", details);
        await db.SaveChangesAsync(ct);
        return new ScreeningSummary(year, year - 1, regionCode ?? "", position, run.Counts);
    }

    /// <summary>Chunks waiting between the reader, the evaluator and the writer.</summary>
    private const int PipelineDepth = 2;

    /// <summary>Runs a database step, taking turns with the other task when both share one connection.</summary>
    private static async Task<T> OnConnectionAsync<T>(SemaphoreSlim? turns, Func<Task<T>> step, CancellationToken ct)
    {
        if (turns is null)
        {
            return await step();
        }
        await turns.WaitAsync(ct);
        try
        {
            return await step();
        }
        finally
        {
            turns.Release();
        }
    }

    private sealed record ScreenedChunk(List<ScreeningRow> Rows, List<ScreeningRecord> Records);

    /// <summary>
    /// A run's results as they are built, chunk after chunk (one chunk at a time, in screening order): the records to store,
    /// the count of every pool and the SHA-256 over every result, appended chunk by chunk.
    /// </summary>
    private sealed class ScreeningRun(int year, DateTime now)
    {
        private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly StringBuilder _text = new();
        private byte[] _bytes = [];

        public Dictionary<string, int> Counts { get; } = CultivationPools.Names.Keys.ToDictionary(k => k, _ => 0);

        public ScreenedChunk Add(List<ScreeningRow> rows)
        {
            var records = new List<ScreeningRecord>(rows.Count);
            _text.Clear();
            foreach (var row in rows)
            {
                var record = new ScreeningRecord(row.EnterpriseId, row.RegionCode, year, now);
                record.Record(row, now);
                records.Add(record);
                // The line of each result in the digest: enterprise, eligibility, scores, pools (as before the pipeline).
                _text.Append(CultureInfo.InvariantCulture,
                    $"{row.EnterpriseId:N}|{record.TechSmeEligible}|{record.TechSmeScore}|{record.HighTechHardConditionsMet}|{record.HighTechMinScore}|{record.HighTechMaxScore}|{record.Pools}\n");
                foreach (var pool in row.Pools)
                {
                    Counts[pool]++;
                }
            }
            var length = Encoding.UTF8.GetMaxByteCount(_text.Length);
            if (_bytes.Length < length)
            {
                _bytes = new byte[length];
            }
            var written = 0;
            foreach (var part in _text.GetChunks())
            {
                written += Encoding.UTF8.GetBytes(part.Span, _bytes.AsSpan(written));
            }
            _digest.AppendData(_bytes, 0, written);
            return new ScreenedChunk(rows, records);
        }

        public string Digest()
        {
            using (_digest)
            {
                return Convert.ToHexStringLower(_digest.GetHashAndReset());
            }
        }
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
