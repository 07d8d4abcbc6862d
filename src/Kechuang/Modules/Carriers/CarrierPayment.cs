using Kechuang.Platform.Data;

namespace Kechuang.Modules.Carriers;

/// <summary>What a carrier's money record is: an instalment paid for buying it, or money recovered in a settlement.</summary>
public enum PaymentKind
{
    PurchaseInstalment = 1,
    Recovery = 2,
}

/// <summary>
/// 资金记录 of a carrier: a purchase instalment the county paid (第二期购房款) or money it recovered from a counterparty
/// (违约处置挽回). Amounts are whole fen (<see cref="Money"/>); sums are computed from these records, never stored.
/// The record takes its carrier's region.
/// </summary>
public sealed class CarrierPayment : IRegionScoped
{
    private CarrierPayment()
    {
    }

    public CarrierPayment(Guid carrierId, string regionCode, PaymentFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CarrierId = carrierId;
        RegionCode = regionCode;
        Kind = facts.Kind;
        Instalment = facts.Instalment;
        AmountFen = facts.AmountFen;
        PaidOn = facts.PaidOn;
        Counterparty = facts.Counterparty;
        Note = facts.Note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public PaymentKind Kind { get; private set; }

    /// <summary>期次 of a purchase instalment (1 for 第一期); none for a recovery.</summary>
    public int? Instalment { get; private set; }
    public long AmountFen { get; private set; }

    /// <summary>支付（到账）日期.</summary>
    public DateOnly PaidOn { get; private set; }
    public string? Counterparty { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

public sealed record PaymentFacts(PaymentKind Kind, int? Instalment, long AmountFen, DateOnly PaidOn, string? Counterparty, string? Note);
