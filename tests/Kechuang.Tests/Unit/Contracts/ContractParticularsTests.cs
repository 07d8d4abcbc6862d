using Kechuang.Modules.Contracts;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Contracts;

/// <summary>The JJ-001 fields (docs/rules/contract-registration.md §7, §10) at their boundaries.</summary>
public class ContractParticularsTests
{
    private static readonly OrganizationInfo Seller = new(Guid.NewGuid(), "武义县恒达电动工具有限公司", OrganizationKind.Enterprise, "91330723MA2E000001", "330723101");
    private static readonly OrganizationInfo Buyer = new(Guid.NewGuid(), "浙江大学", OrganizationKind.Institution, "12330000470003281R", "330106");
    private static readonly HashSet<string> Regions = ["330723", "330106", "110101", "330723101"];

    private static ContractInput Input(string type = "development-commissioned") =>
        new("合同", type, null, Seller.Id, Buyer.Id, new DateOnly(2026, 2, 1), 100m, 100m);

    private static (ContractParticulars? Result, IReadOnlyDictionary<string, string[]> Errors) Validate(ContractInput input, bool expectedRequired = true)
    {
        var errors = new FieldErrors();
        var type = input.Type is null ? (ContractType?)null : ContractsRules.FromKebab<ContractType>(input.Type);
        var result = ContractsRules.ValidateParticulars(input, type, Seller, Buyer, Regions.Contains, errors, expectedRequired);
        return (result, errors.ToDictionary());
    }

    [Fact]
    public void NothingGiven_PartiesComeFromTheDirectory_ChinaByDefault()
    {
        var (result, errors) = Validate(Input());

        Assert.Empty(errors);
        Assert.Equal(new PartyFacts("156", "330723", "150"), result!.Seller);
        Assert.Equal(new PartyFacts("156", "330106", "022"), result.Buyer);
        Assert.Null(result.TechField);
        Assert.Null(result.ExpectedInvestmentFen);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", true)] // one day: from = to passes
    [InlineData("2026-01-02", "2026-01-01", false)] // to before from
    [InlineData("2026-01-01", null, false)] // half a period
    [InlineData(null, "2026-01-01", false)]
    [InlineData(null, null, true)] // not given at all
    public void ValidityPeriod_FromNotAfterTo(string? from, string? to, bool valid)
    {
        var (result, errors) = Validate(Input() with { ValidFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ValidTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result is not null);
        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Transfer_WithoutExpectedInvestmentAndOutput_NamesBothFieldsInChinese()
    {
        var (result, errors) = Validate(Input("transfer"));

        Assert.Null(result);
        Assert.Equal(["技术转让合同须填写预计新增投入"], errors["expectedInvestment"]);
        Assert.Equal(["技术转让合同须填写预计新增产值"], errors["expectedOutput"]);
    }

    [Fact]
    public void Transfer_WithZeroExpectedAmounts_Passes_AndADraftOfAnotherModuleMayLeaveThemOut()
    {
        var (withZero, _) = Validate(Input("transfer") with { ExpectedInvestment = 0m, ExpectedOutput = 0.01m });
        var (draft, draftErrors) = Validate(Input("transfer"), expectedRequired: false);

        Assert.Equal((0L, 1L), (withZero!.ExpectedInvestmentFen, withZero.ExpectedOutputFen));
        Assert.NotNull(draft);
        Assert.Empty(draftErrors);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000000000000.01")]
    [InlineData("1.001")]
    public void ExpectedAmount_OutOfRangeOrBeyondTheFen_IsRefused(string value)
    {
        var (result, errors) = Validate(Input() with { ExpectedOutput = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Null(result);
        Assert.True(errors.ContainsKey("expectedOutput"));
    }

    [Theory]
    [InlineData("156", "110101", true)]
    [InlineData("中国", "110101", true)] // the Chinese name is accepted for the code
    [InlineData("156", "330723101", false)] // a town's nine digits are not a 行政区划代码 of the form
    [InlineData("156", "999999", false)] // not in the national list
    [InlineData("840", "", true)] // abroad: no division
    [InlineData("840", "110101", false)]
    [InlineData("000", "", false)] // not a country of the list
    public void BuyerCountryAndDivision(string country, string division, bool valid)
    {
        var (result, errors) = Validate(Input() with { BuyerCountry = country, BuyerDivision = division });

        Assert.Equal(valid, result is not null);
        Assert.Equal(valid, errors.Count == 0);
        if (valid)
        {
            Assert.Equal(division.Length == 0 ? null : division, result!.Buyer!.Division);
        }
    }

    [Fact]
    public void Codes_AcceptCodeOrChineseName_AndRefuseOthersWithTheChoices()
    {
        var (result, _) = Validate(Input() with { SellerNature = "私营企业", TechField = "01", IpType = "技术秘密", PlanCategory = "04", SocioEconomicGoal = "国防" });
        var (_, errors) = Validate(Input() with { BuyerNature = "民营", TechField = "99" });

        Assert.Equal(("170", "01", "06", "04", "12"), (result!.Seller!.Nature, result.TechField, result.IpType, result.PlanCategory, result.SocioEconomicGoal));
        Assert.StartsWith("买方性质取值无效，可选：010（机关法人）", errors["buyerNature"][0], StringComparison.Ordinal);
        Assert.StartsWith("技术领域取值无效", errors["techField"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("浙江寿仙谷医药股份有限公司", OrganizationKind.Enterprise, "160")]
    [InlineData("武义县恒达电动工具有限公司", OrganizationKind.Enterprise, "150")]
    [InlineData("武义网易联合创新中心运营有限公司", OrganizationKind.Operator, "150")]
    [InlineData("某某五金厂", OrganizationKind.Enterprise, "180")]
    [InlineData("浙江大学", OrganizationKind.Institution, "022")]
    [InlineData("浙江工业职业技术学院", OrganizationKind.Institution, "022")]
    [InlineData("浙江省农业科学院", OrganizationKind.Institution, "021")]
    [InlineData("浙江省中医院", OrganizationKind.Institution, "023")]
    [InlineData("浙江省化工研究所", OrganizationKind.Institution, "021")]
    [InlineData("武义县科学技术局", OrganizationKind.Government, "010")]
    [InlineData("武义县科技创新服务中心", OrganizationKind.Service, "024")]
    public void NatureOf_SuggestsFromKindAndLegalForm(string name, OrganizationKind kind, string nature)
    {
        Assert.Equal(nature, ContractCodes.NatureOf(new OrganizationInfo(Guid.NewGuid(), name, kind, "", "330723")));
    }

    [Fact]
    public void CodeLists_HaveUniqueCodesAndNames()
    {
        foreach (var list in new[] { ContractCodes.Countries, ContractCodes.Natures, ContractCodes.TechFields, ContractCodes.SocioEconomicGoals, ContractCodes.IpTypes, ContractCodes.PlanCategories })
        {
            Assert.Equal(list.Entries.Count, list.Entries.Select(e => e.Code).Distinct().Count());
            Assert.Equal(list.Entries.Count, list.Entries.Select(e => e.Name).Distinct().Count());
        }
        Assert.Equal(18, ContractCodes.Natures.Entries.Count);
        Assert.Equal("中国", ContractCodes.Countries.NameOf(ContractCodes.China));
    }
}
