using System.Globalization;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Contracts;

/// <summary>技术合同认定登记: names of the official types and refusals, the two amounts, the sign date and the registration number.</summary>
public class ContractsRulesBoundaryTests
{
    private static decimal? D(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void Names_AreTheOfficialOnes()
    {
        Assert.Equal(["委托开发", "合作开发", "技术转让", "技术许可", "技术咨询", "技术服务", "技术培训", "技术中介"],
            Enum.GetValues<ContractType>().Select(t => ContractsRules.TypeNames[t]));
        Assert.Equal(["专利权转让", "专利申请权转让", "技术秘密转让", "其他技术转让"],
            Enum.GetValues<TransferKind>().Select(k => ContractsRules.TransferKindNames[k]));
        Assert.Equal(["草稿", "已提交", "审核中", "已登记", "已退回补正", "不予登记"],
            Enum.GetValues<ContractStatus>().Select(s => ContractsRules.StatusNames[s]));
        Assert.Equal(
        [
            "合同无效或者尚未生效",
            "不属于技术合同",
            "当事人、标的、价款、报酬或者使用费约定不明确",
            "依法应经有关部门审批而未取得批准文件",
            "合同名称与内容不符且未按要求更正",
            "含有非法垄断技术或者妨碍技术进步等不合理限制条款",
            "未提交证明文件或证明文件无效",
            "签章不全或者印章与合同当事人名称不符",
            "其他不予登记的情形",
        ], Enum.GetValues<RefusalReason>().Select(r => ContractsRules.RefusalReasonNames[r]));
    }

    [Theory]
    [InlineData(ContractType.Transfer, TransferKind.Patent, "专利权转让")]
    [InlineData(ContractType.Transfer, TransferKind.Other, "其他技术转让")]
    [InlineData(ContractType.Transfer, null, "技术转让")]
    [InlineData(ContractType.License, TransferKind.Patent, "技术许可")]    // a kind only qualifies a transfer
    [InlineData(ContractType.DevelopmentCommissioned, null, "委托开发")]
    public void TypeName_ATransferIsNamedByItsKind(ContractType type, TransferKind? kind, string name)
    {
        Assert.Equal(name, ContractsRules.TypeName(type, kind));
    }

    [Theory]
    [InlineData("development-commissioned", ContractType.DevelopmentCommissioned)]
    [InlineData("Service-Intermediary", ContractType.ServiceIntermediary)]
    [InlineData("license", ContractType.License)]
    public void FromKebab_ReadsTheApiSpelling(string kebab, ContractType type)
    {
        Assert.Equal(type, ContractsRules.FromKebab<ContractType>(kebab));
    }

    [Theory]
    [InlineData("1000000000000", "1000000000000", null, null)]   // 一万亿元 is the largest amount taken
    [InlineData("1000000000000.01", "1", "合同成交额须大于0元且不超过一万亿元", null)]
    [InlineData("0", "0", "合同成交额须大于0元且不超过一万亿元", null)]
    [InlineData("-5", "0", "合同成交额须大于0元且不超过一万亿元", null)]
    [InlineData("0.001", "0", "合同成交额最多保留两位小数（精确到分）", null)]
    [InlineData(null, "100", "请填写合同成交额", null)]
    [InlineData("100", null, null, "请填写技术交易额")]
    [InlineData("100", "-0.01", null, "技术交易额须不小于0元且不超过一万亿元")]
    [InlineData("1000000000000", "1000000000000.01", null, "技术交易额须不小于0元且不超过一万亿元")]
    [InlineData("100", "99.999", null, "技术交易额最多保留两位小数（精确到分）")]
    [InlineData("100", "100.01", null, "技术交易额不能超过合同成交额（技术交易额 = 成交额 − 非技术性费用）")]
    // A bad 成交额 is not compared with the 技术交易额: one problem is named once.
    [InlineData("0", "50", "合同成交额须大于0元且不超过一万亿元", null)]
    [InlineData(null, null, "请填写合同成交额", "请填写技术交易额")]
    public void Amounts_NameEachProblemOfItsField(string? amount, string? transaction, string? amountError, string? transactionError)
    {
        var errors = new FieldErrors();

        var result = ContractsRules.Amounts(D(amount), D(transaction), errors);

        var messages = errors.ToDictionary();
        Assert.Equal(amountError is null ? null : new[] { amountError }, messages.GetValueOrDefault("amount"));
        Assert.Equal(transactionError is null ? null : new[] { transactionError }, messages.GetValueOrDefault("transactionAmount"));
        Assert.Equal(amountError is null && transactionError is null, result is not null);
    }

    [Fact]
    public void Amounts_OfTheLargestContract_FitInFen()
    {
        Assert.Equal((100_000_000_000_000L, 0L), ContractsRules.Amounts(1_000_000_000_000m, 0m, new FieldErrors()));
    }

    [Theory]
    [InlineData("1990-01-01", true)]
    [InlineData("1989-12-31", false)]
    [InlineData("2026-03-02", true)]
    [InlineData("2026-03-03", false)]
    public void SignDate_From1990ToToday(string date, bool valid)
    {
        var errors = new FieldErrors();
        var value = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        var result = ContractsRules.SignDate(value, new DateOnly(2026, 3, 2), errors);

        Assert.Equal(valid ? value : null, result);
        Assert.Equal(valid ? null : new[] { "签订日期须在1990年1月1日至今天之间" }, errors.ToDictionary().GetValueOrDefault("signDate"));
    }

    [Fact]
    public void SignDate_Missing_IsNamed()
    {
        var errors = new FieldErrors();

        Assert.Null(ContractsRules.SignDate(null, new DateOnly(2026, 3, 2), errors));
        Assert.Equal(["请填写签订日期"], errors.ToDictionary()["signDate"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void RegistrationNumber_SequenceOutside1To999999_IsRefused(int sequence)
    {
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => ContractsRules.RegistrationNumber("3307", "03", 2023, sequence));

        Assert.Equal("sequence", problem.ParamName);
        Assert.StartsWith("登记号序号为1–999999", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("330723", "330723")]
    [InlineData("330723101", "330723")]
    [InlineData("3307", "330700")]
    public void CountyCode_IsTheFirstSixDigits(string region, string county)
    {
        Assert.Equal(county, ContractsRules.CountyCode(region));
    }

    [Theory]
    [InlineData(2022, "22330703")]
    [InlineData(2099, "99330703")]
    [InlineData(2100, "00330703")]   // the two-digit year turns over with the century
    [InlineData(2009, "09330703")]
    public void RegistrationPrefix_IsTwoDigitYearCityAndPoint(int year, string prefix)
    {
        Assert.Equal(prefix, ContractsRules.RegistrationPrefix("3307", "03", year));
    }

    [Theory]
    [InlineData("23330703000012", 12)]
    [InlineData("23330703999999", 999999)]
    [InlineData("23330705000012", 0)]     // another point of the city
    [InlineData("22330703000012", 0)]     // another year
    [InlineData("33072320230012", 0)]     // the layout before registration points
    [InlineData("2333070300001", 0)]      // five-digit sequence
    [InlineData("233307030000123", 0)]    // seven-digit sequence
    [InlineData("2333070300001A", 0)]
    [InlineData("233307030+0012", 0)]
    [InlineData("HIST12345678", 0)]
    public void SequenceOf_OnlyNumbersOfThePointAndYear(string number, int sequence)
    {
        Assert.Equal(sequence, ContractsRules.SequenceOf(number, "23330703"));
    }

    [Theory]
    [InlineData("ABC123", true)]
    [InlineData("ABC12", false)]
    [InlineData("2023-3307-0001", true)]
    [InlineData("abc123", false)]
    [InlineData("ABC_123", false)]
    [InlineData("12345678901234567890123456789012", true)]
    [InlineData("123456789012345678901234567890123", false)]
    public void IsWellFormedNumber_DigitsCapitalsAndHyphens_6To32(string number, bool wellFormed)
    {
        Assert.Equal(wellFormed, ContractsRules.IsWellFormedNumber(number));
    }

    [Fact]
    public void ChinaTime_IsUtcPlusEightWithChineseNames()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Zone.BaseUtcOffset);
        Assert.Equal("China Standard Time (Kechuang)", ChinaTime.Zone.Id);
        Assert.Equal(("中国标准时间", "中国标准时间"), (ChinaTime.Zone.DisplayName, ChinaTime.Zone.StandardName));
        Assert.False(ChinaTime.Zone.SupportsDaylightSavingTime);
    }
}
