using Kechuang.Modules.Carriers;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Carriers;

public class PaymentRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static (PaymentFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Validate(string? kind, int? instalment, decimal? amount, DateOnly? paidOn)
    {
        var errors = new FieldErrors();
        var facts = PaymentRules.Validate(new PaymentInput(kind, instalment, amount, paidOn, " 龙软公司 ", null), Today, errors);
        return (facts, errors.ToDictionary());
    }

    [Fact]
    public void Validate_APurchaseInstalment_KeepsFenAndTheInstalment()
    {
        var (facts, errors) = Validate("购房款", 2, 104_000_000m, new DateOnly(2023, 4, 20));

        Assert.Empty(errors);
        Assert.Equal(PaymentKind.PurchaseInstalment, facts!.Kind);
        Assert.Equal(2, facts.Instalment);
        Assert.Equal(10_400_000_000L, facts.AmountFen);
        Assert.Equal("龙软公司", facts.Counterparty);
    }

    [Theory]
    [InlineData("purchase-instalment", null, "购房款请填写期次")]
    [InlineData("purchase-instalment", 0, "期次应在1至99之间")]
    [InlineData("purchase-instalment", 100, "期次应在1至99之间")]
    [InlineData("recovery", 1, "违约处置挽回的资金不分期次，请不要填写期次")]
    public void Validate_Instalment(string kind, int? instalment, string message)
    {
        Assert.Equal(message, Validate(kind, instalment, 1m, Today).Errors["instalment"][0]);
    }

    [Theory]
    [InlineData("0.01", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("0.001", false)]
    [InlineData("10000000000", true)]
    [InlineData("10000000000.01", false)]
    public void Validate_Amount_AtItsBoundaries(string amount, bool valid)
    {
        var (facts, errors) = Validate("recovery", null, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.Equal(valid, facts is not null);
        Assert.Equal(!valid, errors.ContainsKey("amount"));
    }

    [Fact]
    public void Validate_PaidOn_IsRequired_AndNotAfterToday()
    {
        Assert.Equal("请填写支付（到账）日期", Validate("recovery", null, 1m, null).Errors["paidOn"][0]);
        Assert.Equal("支付（到账）日期不能晚于今天", Validate("recovery", null, 1m, Today.AddDays(1)).Errors["paidOn"][0]);
        Assert.Contains("资金类型取值无效", Validate("loan", null, 1m, Today).Errors["kind"][0]);
    }

    [Fact]
    public void CheckInstalment_EachOnce_AndInTheirOrder()
    {
        (int, DateOnly)[] paid = [(1, new DateOnly(2022, 6, 28)), (3, new DateOnly(2024, 1, 10))];

        Assert.Null(PaymentRules.CheckInstalment(2, new DateOnly(2023, 4, 20), paid));
        Assert.Null(PaymentRules.CheckInstalment(2, new DateOnly(2022, 6, 28), paid));
        Assert.Equal("carriers.instalment-exists", PaymentRules.CheckInstalment(1, new DateOnly(2023, 1, 1), paid)!.Code);
        var early = PaymentRules.CheckInstalment(2, new DateOnly(2022, 6, 27), paid)!;
        var late = PaymentRules.CheckInstalment(2, new DateOnly(2024, 1, 11), paid)!;
        Assert.Equal("carriers.instalment-order", early.Code);
        Assert.Equal("第2期的支付日期早于第1期（2022-06-28）", early.Message);
        Assert.Equal("第2期的支付日期晚于第3期（2024-01-10）", late.Message);
    }
}
