using Kechuang.Modules.Contracts;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Contracts;

public class ContractsRulesTests
{
    [Fact]
    public void ThePublicRegisteredStatus_IsTheStatusTheModuleWritesForARegisteredContract()
    {
        var state = new Kechuang.Modules.Contracts.Public.ContractState(Guid.NewGuid(), Kebab.From(ContractStatus.Registered), "已登记", "330723-2026-0001");

        Assert.True(state.IsRegistered);
        Assert.False((state with { Status = Kebab.From(ContractStatus.UnderReview) }).IsRegistered);
    }

    [Theory]
    [InlineData("100000.00", "100000.00", true)] // 技术交易额 = 成交额: allowed
    [InlineData("100000.00", "100000.01", false)] // one fen over: refused
    [InlineData("100000.00", "0", true)] // all non-technical (e.g. equipment only) is still a valid amount pair
    [InlineData("0.01", "0.01", true)]
    [InlineData("0", "0", false)]
    [InlineData("100.001", "100", false)]
    [InlineData("100", "-0.01", false)]
    public void Amounts_AtBoundaries(string amount, string transaction, bool valid)
    {
        var errors = new FieldErrors();

        var result = ContractsRules.Amounts(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(transaction, System.Globalization.CultureInfo.InvariantCulture), errors);

        Assert.Equal(valid, result is not null);
        Assert.Equal(!valid, errors.Any);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000000000000.01")]
    public void TransactionAmount_OutsideItsRange_SaysBothBounds(string transaction)
    {
        var errors = new FieldErrors();

        ContractsRules.Amounts(1_000m, decimal.Parse(transaction, System.Globalization.CultureInfo.InvariantCulture), errors);

        Assert.Equal(["技术交易额须不小于0元且不超过一万亿元"], errors.ToDictionary()["transactionAmount"]);
    }

    [Fact]
    public void Amounts_AreKeptInFenExactly()
    {
        var result = ContractsRules.Amounts(829_000_000.00m, 741_000_000.99m, new FieldErrors());

        Assert.Equal((82_900_000_000L, 74_100_000_099L), result);
    }

    [Fact]
    public void RegistrationNumber_IsYearCityPointAndSixDigitSequence()
    {
        Assert.Equal("23330703000001", ContractsRules.RegistrationNumber("3307", "03", 2023, 1));
        Assert.Equal("22330727999999", ContractsRules.RegistrationNumber("3307", "27", 2022, 999_999));
        Assert.Equal(14, ContractsRules.RegistrationNumber("1101", "01", 2030, 5).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractsRules.RegistrationNumber("3307", "03", 2023, 1_000_000));
        Assert.Equal(12, ContractsRules.SequenceOf("23330703000012", "23330703"));
        Assert.Equal(0, ContractsRules.SequenceOf("HIST12345678", "23330703"));
    }

    [Fact]
    public void SignDate_TodayIsFine_TomorrowIsNot()
    {
        var today = new DateOnly(2026, 3, 2);

        Assert.Equal(today, ContractsRules.SignDate(today, today, new FieldErrors()));
        Assert.Null(ContractsRules.SignDate(today.AddDays(1), today, new FieldErrors()));
    }

    [Fact]
    public void LocalDate_IsBeijingDate()
    {
        Assert.Equal(new DateOnly(2023, 1, 1), ContractsRules.LocalDate(new DateTime(2022, 12, 31, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2022, 12, 31), ContractsRules.LocalDate(new DateTime(2022, 12, 31, 15, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void RefusalReasons_AreTheNineOfficialOnes_WithChineseNames()
    {
        Assert.Equal(9, ContractsRules.RefusalReasonNames.Count);
        Assert.Equal(Enum.GetValues<RefusalReason>().Length, ContractsRules.RefusalReasonNames.Count);
        Assert.All(ContractsRules.RefusalReasonNames.Values, n => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", n));
    }

    [Theory]
    [InlineData("829000000", "741000000", "1.119", "111.9%")]
    [InlineData("741000000", "741000000", "1.000", "100.0%")]
    [InlineData("0", "750000000", "0.000", "0.0%")]
    public void CompletionRate_IsActualOverTarget_OneDecimalPercent(string actual, string target, string rate, string text)
    {
        var a = decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture);
        var t = decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Target.CompletionRate(a, t));
        Assert.Equal(text, Target.CompletionText(a, t));
    }

    [Fact]
    public void Target_ValueScaled_RoundTripsFourDecimals()
    {
        var target = new Target("330723", 2023, "contracts.transaction-amount", ">=", 750_000_000m, DateTime.UtcNow);
        var percent = new Target("330723", 2023, "carriers.occupancy", ">=", 99.1234m, DateTime.UtcNow);

        Assert.Equal(750_000_000m, target.Value);
        Assert.Equal(99.1234m, percent.Value);
        Assert.True(Target.IsMet(">=", 750_000_000m, target.Value));
        Assert.False(Target.IsMet(">=", 749_999_999.99m, target.Value));
    }
}
