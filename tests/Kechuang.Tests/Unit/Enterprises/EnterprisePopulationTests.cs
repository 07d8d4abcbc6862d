using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>The demo population: the same county every time, and nothing that would move the letter's 2023 figures.</summary>
public sealed class EnterprisePopulationTests
{
    private static readonly List<PopulationEnterprise> Population = EnterprisePopulation.Generate(EnterprisePopulationDemoData.Count, EnterprisePopulationDemoData.Seed);

    [Fact]
    public void Generate_SameSeed_GivesTheSameCounty()
    {
        var again = EnterprisePopulation.Generate(EnterprisePopulationDemoData.Count, EnterprisePopulationDemoData.Seed);

        Assert.Equal(Population.Select(e => e.Name), again.Select(e => e.Name));
        Assert.Equal(Population.SelectMany(e => e.Years).Select(y => y.Figures), again.SelectMany(e => e.Years).Select(y => y.Figures));
    }

    [Fact]
    public void Generate_WuyiEnterprisesWithDistinctNamesAndConsistentFigures()
    {
        Assert.Equal(300, Population.Select(e => e.Name).Distinct().Count());
        Assert.DoesNotContain(Population, e => e.Name is "武义县恒达电动工具有限公司" or "浙江泉溪五金制品有限公司");
        Assert.All(Population, e =>
        {
            Assert.StartsWith("330723", e.RegionCode, StringComparison.Ordinal);
            Assert.InRange(e.Years.Count, 1, 3);
            Assert.All(e.Years, y =>
            {
                Assert.InRange(y.Year, 2020, 2022);
                Assert.InRange(y.Figures.TechStaff, 0, y.Figures.Employees);
                Assert.True(y.Figures.Liabilities < y.Figures.TotalAssets);
                Assert.True(y.Figures.NonTaxableIncome <= y.Figures.TotalIncome);
                Assert.True(y.Figures.SalesRevenue > 0m && y.Figures.RdInHouseDomestic >= 0m);
            });
        });
        // A county's spread: most small, some 规上, a few 亿元以上.
        var sales = Population.Select(e => e.Years[^1].Figures.SalesRevenue).ToList();
        Assert.InRange(sales.Count(s => s < 20_000_000m), 120, 200);
        Assert.InRange(sales.Count(s => s >= 100_000_000m), 20, 60);
    }

    [Fact]
    public void Generate_AddsNothingThatCountsIn2023()
    {
        // T14: no 科小 entry of 2023; T15/T17: no city-level or higher institution before 2024; T9: no application after 2022.
        Assert.DoesNotContain(Population.SelectMany(e => e.TechSmeEntries), q => q.Year >= 2023);
        Assert.All(Population.SelectMany(e => e.Institutions).Where(i => i.Level >= Level.City), i => Assert.True(i.Year >= 2024));
        Assert.DoesNotContain(Population.SelectMany(e => e.Institutions), i => i.Kind == RdInstitutionKind.KeyEnterpriseInstitute);
        Assert.All(Population.SelectMany(e => e.Patents), p => Assert.True(p.AppliedOn.Year <= 2022));
        // Certificates run out by the end of 2025, so today's valid 高企 are the named enterprises'.
        Assert.All(Population.Where(e => e.Certificate is not null), e => Assert.True(e.Certificate!.Value.Issued.Year <= 2022));
        Assert.Contains(Population, e => e.Certificate?.Issued.Year == 2020);
    }
}
