using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record SchemeItemDto(string Indicator, string IndicatorName, decimal Weight, decimal Cap);

public sealed record SchemeDto(Guid Id, string RegionCode, int Year, string Name, IReadOnlyList<SchemeItemDto> Items, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom)
{
    internal static SchemeDto From(AssessmentScheme s) => new(s.Id, s.RegionCode, s.Year, s.Name,
        s.Items.Where(i => i.Weight > 0 || i.Cap > 0).Select(i => new SchemeItemDto(Kebab.From(i.Indicator), AssessmentRules.IndicatorNames[i.Indicator], i.Weight, i.Cap)).ToList(),
        s.ExcellentFrom, s.GoodFrom, s.PassFrom);
}

/// <summary>Sets a county's assessment scheme of a year, or replaces it (assessments already recorded keep the score they were given).</summary>
public sealed class SaveSchemeHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<(Guid Id, bool Created)> HandleAsync(SchemeInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.Assess);
        var errors = new FieldErrors();
        var facts = AssessmentRules.ValidateScheme(input, errors);
        var region = (input.RegionCode ?? Platform.Indicators.IndicatorCatalogue.DefaultRegion(db.User)).Trim();
        var exists = await TransferQueries.RegionExistsAsync(directory, cancellationToken);
        if (region.Length != 6 || !exists(region))
        {
            errors.Add("regionCode", "考核办法按县（市、区）设置，请填写6位行政区划代码");
        }
        else
        {
            TransferQueries.CheckScope(db, region, "regionCode", errors);
        }
        errors.ThrowIfAny();
        var year = input.Year!.Value;
        var scheme = await db.Set<AssessmentScheme>().FirstOrDefaultAsync(s => s.RegionCode == region && s.Year == year, cancellationToken);
        if (scheme is null)
        {
            scheme = new AssessmentScheme(region, year, facts!, db.UtcNow);
            db.Add(scheme);
            await db.SaveUniqueAsync(() => new RuleException("transfer.scheme-exists", $"{year}年度考核办法已存在"), cancellationToken);
            return (scheme.Id, true);
        }
        scheme.Update(facts!, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return (scheme.Id, false);
    }
}

public sealed class ListSchemesHandler(KechuangDb db)
{
    public async Task<Paged<SchemeDto>> HandleAsync(string? regionCode, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<AssessmentScheme>().AsNoTracking().UnderRegion(regionCode).OrderByDescending(s => s.Year).ThenBy(s => s.RegionCode).ToListAsync(cancellationToken);
        return new Paged<SchemeDto>(rows.Select(SchemeDto.From).ToList(), rows.Count);
    }
}

public sealed record AssessmentDto(Guid Id, Guid StationId, int Year, int Projects, decimal SignedAmount, int Activities, int Visits, int Awards,
    decimal Score, string Grade, string GradeName, string? Note, IReadOnlyList<PointsDto> Points);

/// <summary>Points an indicator gave: the value, value × weight and whether the cap cut it.</summary>
public sealed record PointsDto(string IndicatorName, decimal Value, decimal Points, bool Capped);

/// <summary>Records a station's year under its county's scheme of that year; the score and grade are computed, never typed.</summary>
public sealed class AddAssessmentHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid stationId, AssessmentInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.Assess);
        var station = await db.Set<TransferStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken)
            ?? throw new NotFoundException("工作站不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var values = AssessmentRules.ValidateAssessment(input, errors);
        errors.ThrowIfAny();
        var year = input.Year!.Value;
        var county = station.RegionCode[..Math.Min(6, station.RegionCode.Length)];
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.RegionCode == county && s.Year == year, cancellationToken)
            ?? throw new RuleException("transfer.no-scheme", $"尚未设置{year}年度工作站考核办法，请先设置考核办法");
        if (await db.Set<StationAssessment>().AnyAsync(a => a.StationId == stationId && a.Year == year, cancellationToken))
        {
            throw Duplicate(year);
        }
        var score = AssessmentRules.Score(values!, scheme.Items);
        var assessment = new StationAssessment(station, year, scheme.Id, values!, score, AssessmentRules.Grade(score, scheme.Facts),
            TransferText.OrNull(input.Note?.Trim() ?? ""), db.UtcNow);
        db.Add(assessment);
        await db.SaveUniqueAsync(() => Duplicate(year), cancellationToken);
        return assessment.Id;
    }

    private static RuleException Duplicate(int year) => new("transfer.assessment-exists", $"该工作站已登记{year}年度考核");
}

public sealed class ListAssessmentsHandler(KechuangDb db)
{
    public async Task<Paged<AssessmentDto>> HandleAsync(Guid stationId, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<TransferStation>().AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            throw new NotFoundException("工作站不存在或不在您的数据范围内");
        }
        var rows = await db.Set<StationAssessment>().AsNoTracking().Where(a => a.StationId == stationId).OrderByDescending(a => a.Year).ToListAsync(cancellationToken);
        var schemeIds = rows.Select(r => r.SchemeId).Distinct().ToList();
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Where(s => schemeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return new Paged<AssessmentDto>(rows.Select(a =>
        {
            var items = schemes.TryGetValue(a.SchemeId, out var scheme) ? scheme.Items.Where(i => i.Weight > 0 || i.Cap > 0).ToList() : [];
            var points = items.Select(i =>
            {
                var value = a.Values.Of(i.Indicator);
                return new PointsDto(AssessmentRules.IndicatorNames[i.Indicator], value, AssessmentRules.Points(value, i), value * i.Weight > i.Cap);
            }).ToList();
            return new AssessmentDto(a.Id, a.StationId, a.Year, a.Projects, Money.ToYuan(a.SignedAmountFen), a.Activities, a.Visits, a.Awards, a.Score,
                Kebab.From(a.Grade), AssessmentRules.GradeNames[a.Grade], a.Note, points);
        }).ToList(), rows.Count);
    }
}

/// <summary>Records money paid to a station: its working funds, or the reward of a year it passed.</summary>
public sealed class AddStationPaymentHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid stationId, StationPaymentInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.RecordPayments);
        var station = await db.Set<TransferStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken)
            ?? throw new NotFoundException("工作站不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = AssessmentRules.ValidatePayment(input, db.Today(), errors);
        StationAssessment? assessment = null;
        if (input.AssessmentId is { } assessmentId)
        {
            assessment = await db.Set<StationAssessment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.StationId == stationId, cancellationToken);
            if (assessment is null)
            {
                errors.Add("assessmentId", "该工作站没有这条年度考核");
            }
        }
        errors.ThrowIfAny();
        var (kind, fen, paidOn, note) = facts!.Value;
        if (kind == StationPaymentKind.Reward && AssessmentRules.CheckReward(assessment!.Grade) is { } broken)
        {
            throw broken;
        }
        var payment = new StationPayment(station, assessment?.Id, kind, fen, paidOn, note, db.UtcNow);
        db.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        return payment.Id;
    }
}

public sealed record StationPaymentDto(Guid Id, Guid StationId, string StationName, string Kind, string KindName, int? AssessmentYear, decimal Amount, string AmountText,
    DateOnly PaidOn, string? Note);

/// <summary>A page of payments with the amount of the whole filtered list.</summary>
public sealed record StationPaymentPage(IReadOnlyList<StationPaymentDto> Items, int Total, decimal Amount, string AmountText) : Paged<StationPaymentDto>(Items, Total);

/// <summary>Payments filtered by station, region and paid day [from, to): the records of transfer.station-funds.</summary>
public sealed record StationPaymentQuery(Guid? StationId = null, string? RegionCode = null, DateOnly? From = null, DateOnly? To = null, string? Kind = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed class ListStationPaymentsHandler(KechuangDb db)
{
    internal static readonly SortMap<StationPayment> Sorts = new SortMap<StationPayment>(p => p.Id, p => p.OrderByDescending(x => x.PaidOn))
        .Add("paidOn", p => p.PaidOn)
        .Add("amount", p => p.AmountFen)
        .Add("kindName", p => p.Kind);

    public async Task<StationPaymentPage> HandleAsync(StationPaymentQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var fen = await filtered.SumAsync(p => p.AmountFen, cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new StationPaymentPage(await DtosAsync(rows, cancellationToken), total, Money.ToYuan(fen), Money.Format(fen));
    }

    public async Task<List<StationPaymentDto>> AllAsync(StationPaymentQuery query, CancellationToken cancellationToken = default) =>
        await DtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<StationPayment> Filter(StationPaymentQuery query)
    {
        TransferQueries.CheckRange(query.From, query.To);
        var payments = db.Set<StationPayment>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? null : errors.Enum("kind", "资金类型", query.Kind, AssessmentRules.PaymentKindNames);
        errors.ThrowIfAny();
        if (kind is { } k)
        {
            payments = payments.Where(p => p.Kind == k);
        }
        if (query.StationId is { } station)
        {
            payments = payments.Where(p => p.StationId == station);
        }
        if (query.From is { } from)
        {
            payments = payments.Where(p => p.PaidOn >= from);
        }
        if (query.To is { } to)
        {
            payments = payments.Where(p => p.PaidOn < to);
        }
        if (query.List.Text is { } q)
        {
            var stations = db.Set<TransferStation>().Where(s => s.Name.Contains(q)).Select(s => s.Id);
            payments = payments.Where(p => (p.Note != null && p.Note.Contains(q)) || stations.Contains(p.StationId));
        }
        return payments;
    }

    private async Task<List<StationPaymentDto>> DtosAsync(IReadOnlyList<StationPayment> rows, CancellationToken cancellationToken)
    {
        var stationIds = rows.Select(r => r.StationId).Distinct().ToList();
        var names = await db.Set<TransferStation>().AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var assessmentIds = rows.Where(r => r.AssessmentId != null).Select(r => r.AssessmentId!.Value).Distinct().ToList();
        var years = await db.Set<StationAssessment>().AsNoTracking().Where(a => assessmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Year, cancellationToken);
        return rows.Select(p => new StationPaymentDto(p.Id, p.StationId, names.GetValueOrDefault(p.StationId, ""), Kebab.From(p.Kind), AssessmentRules.PaymentKindNames[p.Kind],
            p.AssessmentId is { } a ? years.GetValueOrDefault(a) : null, Money.ToYuan(p.AmountFen), Money.Format(p.AmountFen), p.PaidOn, p.Note)).ToList();
    }
}
