using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A money record as the form and the API send it: the amount in 元 (two decimals), the kind in kebab-case or Chinese.</summary>
public sealed record PaymentInput(string? Kind, int? Instalment, decimal? Amount, DateOnly? PaidOn, string? Counterparty, string? Note);

/// <summary>A carrier's money records' rules; pure functions.</summary>
public static class PaymentRules
{
    public const int CounterpartyMax = 100;
    public const int NoteMax = 200;
    public const int MaxInstalment = 99;

    /// <summary>One record above 100亿元 is a typing error.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    public static readonly IReadOnlyDictionary<PaymentKind, string> KindNames = new Dictionary<PaymentKind, string>
    {
        [PaymentKind.PurchaseInstalment] = "购房款",
        [PaymentKind.Recovery] = "违约处置挽回",
    };

    public static PaymentFacts? Validate(PaymentInput input, DateOnly today, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "资金类型", input.Kind, KindNames);
        if (kind == PaymentKind.PurchaseInstalment && input.Instalment is null)
        {
            errors.Add("instalment", "购房款请填写期次");
        }
        else if (kind == PaymentKind.PurchaseInstalment && input.Instalment is < 1 or > MaxInstalment)
        {
            errors.Add("instalment", $"期次应在1至{MaxInstalment}之间");
        }
        else if (kind == PaymentKind.Recovery && input.Instalment is not null)
        {
            errors.Add("instalment", "违约处置挽回的资金不分期次，请不要填写期次");
        }
        if (input.Amount is not { } amount)
        {
            errors.Add("amount", "请填写金额");
        }
        else if (amount <= 0)
        {
            errors.Add("amount", "金额应大于0元");
        }
        else if (amount > MaxAmount)
        {
            errors.Add("amount", "金额不能超过100亿元，请检查单位（元）");
        }
        else if (!Money.HasAtMostTwoDecimals(amount))
        {
            errors.Add("amount", "金额最多保留两位小数（分）");
        }
        if (input.PaidOn is null)
        {
            errors.Add("paidOn", "请填写支付（到账）日期");
        }
        else if (input.PaidOn > today)
        {
            errors.Add("paidOn", "支付（到账）日期不能晚于今天");
        }
        var counterparty = errors.Text("counterparty", "对方单位", input.Counterparty, CounterpartyMax, required: false);
        var note = errors.Text("note", "说明", input.Note, NoteMax, required: false);
        return errors.Any ? null : new PaymentFacts(kind!.Value, kind == PaymentKind.PurchaseInstalment ? input.Instalment : null, Money.ToFen(input.Amount!.Value),
            input.PaidOn!.Value, counterparty.Length == 0 ? null : counterparty, note.Length == 0 ? null : note);
    }

    /// <summary>A carrier's instalments: each 期次 once, and paid in their order (第二期 not before 第一期). Null when they agree.</summary>
    public static RuleException? CheckInstalment(int instalment, DateOnly paidOn, IReadOnlyCollection<(int Instalment, DateOnly PaidOn)> paid)
    {
        if (paid.Any(p => p.Instalment == instalment))
        {
            return new RuleException("carriers.instalment-exists", $"该载体已登记第{instalment}期购房款");
        }
        if (paid.Where(p => p.Instalment < instalment && p.PaidOn > paidOn).OrderBy(p => p.Instalment).FirstOrDefault() is { Instalment: > 0 } earlier)
        {
            return new RuleException("carriers.instalment-order", $"第{instalment}期的支付日期早于第{earlier.Instalment}期（{earlier.PaidOn:yyyy-MM-dd}）");
        }
        if (paid.Where(p => p.Instalment > instalment && p.PaidOn < paidOn).OrderBy(p => p.Instalment).FirstOrDefault() is { Instalment: > 0 } later)
        {
            return new RuleException("carriers.instalment-order", $"第{instalment}期的支付日期晚于第{later.Instalment}期（{later.PaidOn:yyyy-MM-dd}）");
        }
        return null;
    }
}
