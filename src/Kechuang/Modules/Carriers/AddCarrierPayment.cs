using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Records money paid for a carrier or recovered for it (资金记录).</summary>
public sealed class AddCarrierPaymentHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid carrierId, PaymentInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.RecordPayments);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == carrierId, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = PaymentRules.Validate(input, db.Today(), errors);
        errors.ThrowIfAny();
        if (facts!.Instalment is { } instalment)
        {
            var paid = (await db.Set<CarrierPayment>().AsNoTracking()
                    .Where(p => p.CarrierId == carrierId && p.Kind == PaymentKind.PurchaseInstalment && p.Instalment != null)
                    .Select(p => new { p.Instalment, p.PaidOn }).ToListAsync(cancellationToken))
                .Select(p => (p.Instalment!.Value, p.PaidOn)).ToList();
            if (PaymentRules.CheckInstalment(instalment, facts.PaidOn, paid) is { } broken)
            {
                throw broken;
            }
        }
        var payment = new CarrierPayment(carrier.Id, carrier.RegionCode, facts, db.UtcNow);
        db.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        return payment.Id;
    }
}

/// <summary>
/// The money-record list's filters: a carrier, a region, a kind, a kind of carrier (<c>enclave</c> for the enclave
/// indicators' records) and a year of payment.
/// </summary>
public sealed record PaymentQuery(Guid? CarrierId = null, string? RegionCode = null, string? Kind = null, string? CarrierKind = null, int? Year = null,
    ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed record PaymentDto(Guid Id, Guid CarrierId, string CarrierName, string Kind, string KindName, int? Instalment, decimal Amount, string AmountText,
    DateOnly PaidOn, string? Counterparty, string? Note)
{
    /// <summary>第二期购房款, 违约处置挽回.</summary>
    public string Title => Instalment is { } n ? $"第{n}期{KindName}" : KindName;
}

/// <summary>A page of money records with the amount of the whole filtered list (in 元).</summary>
public sealed record PaymentPage(IReadOnlyList<PaymentDto> Items, int Total, decimal Amount, string AmountText) : Paged<PaymentDto>(Items, Total);

public sealed class ListCarrierPaymentsHandler(KechuangDb db)
{
    internal static readonly SortMap<CarrierPayment> Sorts = new SortMap<CarrierPayment>(p => p.Id, p => p.OrderBy(x => x.PaidOn).ThenBy(x => x.Instalment))
        .Add("paidOn", p => p.PaidOn)
        .Add("amount", p => p.AmountFen)
        .Add("kindName", p => p.Kind)
        .Add("instalment", p => p.Instalment);

    public async Task<PaymentPage> HandleAsync(PaymentQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var fen = await filtered.SumAsync(p => p.AmountFen, cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new PaymentPage(await DtosAsync(rows, cancellationToken), total, Money.ToYuan(fen), Money.Format(fen));
    }

    public async Task<List<PaymentDto>> AllAsync(PaymentQuery query, CancellationToken cancellationToken = default) =>
        await DtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<CarrierPayment> Filter(PaymentQuery query)
    {
        var payments = db.Set<CarrierPayment>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? null : errors.Enum("kind", "资金类型", query.Kind, PaymentRules.KindNames);
        var carrierKind = string.IsNullOrWhiteSpace(query.CarrierKind) ? null : errors.Enum("carrierKind", "载体类型", query.CarrierKind, CarrierKinds.Names);
        if (query.Year is < 1990 or > 2100)
        {
            errors.Add("year", "年度须在1990至2100之间");
        }
        errors.ThrowIfAny();
        if (query.CarrierId is { } carrierId)
        {
            payments = payments.Where(p => p.CarrierId == carrierId);
        }
        if (kind is { } k)
        {
            payments = payments.Where(p => p.Kind == k);
        }
        if (carrierKind is { } ck)
        {
            var carriers = db.Set<Carrier>().Where(c => c.Kind == ck).Select(c => c.Id);
            payments = payments.Where(p => carriers.Contains(p.CarrierId));
        }
        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            payments = payments.Where(p => p.PaidOn >= from && p.PaidOn < to);
        }
        if (query.List.Text is { } q)
        {
            payments = payments.Where(p => (p.Counterparty != null && p.Counterparty.Contains(q)) || (p.Note != null && p.Note.Contains(q)));
        }
        return payments;
    }

    private async Task<List<PaymentDto>> DtosAsync(IReadOnlyList<CarrierPayment> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.CarrierId).Distinct().ToList();
        var names = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return rows.Select(p => new PaymentDto(p.Id, p.CarrierId, names.GetValueOrDefault(p.CarrierId, ""), Kebab.From(p.Kind), PaymentRules.KindNames[p.Kind],
            p.Instalment, Money.ToYuan(p.AmountFen), Money.Format(p.AmountFen), p.PaidOn, p.Counterparty, p.Note)).ToList();
    }
}
