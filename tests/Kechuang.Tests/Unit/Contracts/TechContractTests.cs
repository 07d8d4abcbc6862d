using Kechuang.Modules.Contracts;
using Kechuang.Platform.Problems;
using Microsoft.Extensions.Time.Testing;

namespace Kechuang.Tests.Unit.Contracts;

public class TechContractTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static TechContract Draft(ContractType type = ContractType.DevelopmentCommissioned, TransferKind? kind = null) =>
        new(new ContractFields("合同", type, kind, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 1), 100_00, 90_00), "330723101", null, Now);

    [Fact]
    public void Workflow_DraftToRegistered_RecordsEachStep()
    {
        var contract = Draft();

        var steps = new[]
        {
            contract.Submit("shouxiangu", Now),
            contract.Review("wuyi.staff", Now),
            contract.Register("33072320260001", new FakeTimeProvider(new DateTimeOffset(Now)), "wuyi.staff"),
        };

        Assert.Equal(ContractStatus.Registered, contract.Status);
        Assert.Equal("33072320260001", contract.RegistrationNumber);
        Assert.Equal(new DateOnly(2026, 3, 2), contract.RegisteredOn);
        Assert.Equal([ContractStatus.Draft, ContractStatus.Submitted, ContractStatus.UnderReview], steps.Select(s => s.From!.Value));
        Assert.Equal(3, contract.Version);
    }

    [Fact]
    public void Register_NotUnderReview_IsRefusedWithRuleCode()
    {
        var contract = Draft();
        contract.Submit("x", Now);

        var error = Assert.Throws<RuleException>(() => contract.Register("1", new FakeTimeProvider(), "x"));

        Assert.Equal("contracts.invalid-transition", error.Code);
        Assert.Null(contract.RegistrationNumber);
        Assert.Equal(ContractStatus.Submitted, contract.Status);
    }

    [Fact]
    public void Refused_IsFinal()
    {
        var contract = Draft();
        contract.Submit("x", Now);
        contract.Refuse(RefusalReason.NotTechnologyContract, null, "wuyi.staff", Now);

        Assert.Throws<RuleException>(() => contract.Submit("x", Now));
        Assert.Throws<RuleException>(() => contract.Return("补正", "x", Now));
        Assert.Throws<RuleException>(() => contract.Update(new ContractFields("新", ContractType.Consulting, null, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), 1, 1), "330723", Now));
    }

    [Fact]
    public void Returned_CanBeEditedAndSubmittedAgain()
    {
        var contract = Draft();
        contract.Submit("x", Now);
        contract.Review("s", Now);
        contract.Return("请补充", "s", Now);

        contract.Update(new ContractFields("改", ContractType.Consulting, null, contract.SellerId, contract.BuyerId, contract.SignDate, 50_00, 50_00), contract.RegionCode, Now);
        var step = contract.Submit("x", Now);

        Assert.Equal(ContractStatus.Returned, step.From);
        Assert.Equal(ContractStatus.Submitted, contract.Status);
    }

    [Fact]
    public void Submit_TransferWithoutCategory_Is400()
    {
        var contract = Draft(ContractType.Transfer);

        var error = Assert.Throws<InputException>(() => contract.Submit("x", Now));

        Assert.True(error.Errors.ContainsKey("transferKind"));
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void Submit_TransferWithoutExpectedInvestmentOrOutput_Is400_WithThemItSubmits()
    {
        var missing = Draft(ContractType.Transfer, TransferKind.Patent);
        var complete = new TechContract(new ContractFields("合同", ContractType.Transfer, TransferKind.Patent, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 1),
            100_00, 90_00, ContractParticulars.None with { ExpectedInvestmentFen = 0, ExpectedOutputFen = 1 }), "330723", null, Now);

        var error = Assert.Throws<InputException>(() => missing.Submit("x", Now));
        complete.Submit("x", Now);

        Assert.Equal(["expectedInvestment", "expectedOutput"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ContractStatus.Submitted, complete.Status);
    }
}
