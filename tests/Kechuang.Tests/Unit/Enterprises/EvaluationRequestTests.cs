using Kechuang.Modules.Enterprises;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Enterprises;

public class EvaluationRequestTests
{
    private static HighTechYearBody Year(int year) => new(year, 30_000_000m, 1m, 1_500_000m, null, null, null);

    private static EvaluateHighTechRequest Request(HighTechYearBody?[] years, HighTechLatestYearBody? latest = null) =>
        new(new DateOnly(2015, 1, 1), new DateOnly(2024, 6, 1), true, true, null, years,
            latest ?? new HighTechLatestYearBody(31_000_000m, null, 21_000_000m, 12m, 100m, null), [], null);

    [Fact]
    public void HighTech_YearsOutOfOrder_NamesTheYear()
    {
        var error = Assert.Throws<InputException>(() => EvaluateHighTech.Validate(Request([Year(2023), Year(2022)])));

        Assert.Contains("years[1].year", error.Errors.Keys);
    }

    [Fact]
    public void HighTech_FourYears_IsRefused()
    {
        var error = Assert.Throws<InputException>(() => EvaluateHighTech.Validate(Request([Year(2020), Year(2021), Year(2022), Year(2023)])));

        Assert.Contains("years", error.Errors.Keys);
    }

    [Fact]
    public void HighTech_MonthlyHeadcounts_TakePrecedenceOverTheAverage()
    {
        var months = Enumerable.Range(0, 12).Select(_ => (MonthlyHeadcountBody?)new MonthlyHeadcountBody(80m, 90m)).ToList();

        var input = EvaluateHighTech.Validate(Request([Year(2023)], new HighTechLatestYearBody(31_000_000m, null, 21_000_000m, 12m, 100m, months)));

        Assert.Equal(85m, input.LatestYear.Employees);
    }

    [Fact]
    public void HighTech_NegativeNetAssets_AreAllowed()
    {
        var input = EvaluateHighTech.Validate(Request([Year(2023) with { NetAssets = -500_000m }]));

        Assert.Equal(-500_000m, input.Years[0].NetAssets);
    }

    [Fact]
    public void TechSme_MissingFigures_NamesEachField()
    {
        var request = new EvaluateTechSmeRequest(2024, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        var error = Assert.Throws<InputException>(() => EvaluateTechSme.Validate(request));

        Assert.Equal(
            new[] { "employees", "industryCode", "rdExpense", "residentEnterprise", "salesRevenue", "taxCollection", "techStaff", "totalAssets", "totalCostsAndExpenses" },
            error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void TechSme_MonthsWorkedAboveTwelve_IsRefused()
    {
        var request = new EvaluateTechSmeRequest(2024, true, "actual-profit", "C3973", null, null, null, 10, 1,
            [new NonPayrollStaffBody(false, true, 13m)], 1m, 1m, 0m, 1m, null, null);

        var error = Assert.Throws<InputException>(() => EvaluateTechSme.Validate(request));

        Assert.Contains("staff[0].monthsWorked", error.Errors.Keys);
    }
}
