using Kechuang.Modules.Enterprises;
using Kechuang.Platform.Data;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>Screening runs both engines without condition details (ADR 009): every outcome must be what the full answer says.</summary>
public sealed class ScreeningEvaluationTests
{
    private static readonly DateTime Now = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int> Years => [2021, 2022, 2023];

    [Theory]
    [MemberData(nameof(Years))]
    public void EnginesWithoutDetails_SameEligibilityScoresAndGaps_NoDetails(int year)
    {
        var day = ScreenEnterprisesHandler.ReferenceDay(year);
        var compared = 0;
        foreach (var e in EnterprisePopulation.Generate(EnterprisePopulationDemoData.Count, EnterprisePopulationDemoData.Seed))
        {
            var years = e.Years.Where(y => y.Year <= year - 1).OrderBy(y => y.Year).ToList();
            if (years.Count == 0 || years[^1].Year != year - 1)
            {
                continue;
            }
            var f = years[^1].Figures;
            var ip = e.Patents.Where(p => p.Status == IntellectualPropertyStatus.Granted && p.GrantedOn <= day).ToList();
            var sme = new TechSmeInput(year, e.Facts.ResidentEnterprise, e.Facts.TaxCollection, e.Facts.IndustryCode, e.Facts.RestrictedOrEliminated,
                f.SeriousIncidents, f.OnCreditBlacklist, f.Employees, f.TechStaff, [], f.SalesRevenue, f.TotalAssets,
                HighTechRules.RdTotal(f.RdInHouseDomestic, f.RdCommissionedDomestic, f.RdCommissionedOverseas), f.TotalCostsAndExpenses,
                ip.Select(p => new TechSmeIntellectualProperty(p.Kind, true)).ToList(), []);
            var hte = new HighTechInput(e.Facts.RegistrationDate, day, ip.Count > 0, e.Facts.InSupportedField, f.SeriousIncidents,
                years.Select(y => new HighTechYear(y.Year, y.Figures.SalesRevenue, y.Figures.TotalAssets - y.Figures.Liabilities, y.Figures.RdInHouseDomestic,
                    y.Figures.RdCommissionedDomestic, y.Figures.RdCommissionedOverseas, y.Figures.Transformations)).ToList(),
                new HighTechLatestYear(f.TotalIncome, f.NonTaxableIncome, f.HighTechRevenue, f.TechStaff, f.Employees),
                ip.Select(p => new HighTechIntellectualProperty(p.Kind, true, p.SelfDeveloped)).ToList(), new HighTechExpertScores());

            var smeFull = TechSmeEvaluation.Evaluate(sme);
            var smeLean = TechSmeEvaluation.Evaluate(sme, withDetails: false);
            var hteFull = HighTechEvaluation.Evaluate(hte);
            var hteLean = HighTechEvaluation.Evaluate(hte, withDetails: false);

            Assert.Equal((smeFull.Eligible, smeFull.DirectlyQualified, smeFull.Score, smeFull.Scores), (smeLean.Eligible, smeLean.DirectlyQualified, smeLean.Score, smeLean.Scores));
            Assert.Equal(smeFull.Gaps, smeLean.Gaps);
            Assert.Equal(smeFull.Conditions.Select(c => (c.Code, c.Met)), smeLean.Conditions.Select(c => (c.Code, c.Met)));
            Assert.All(smeFull.Conditions, c => Assert.NotEmpty(c.Detail));
            Assert.All(smeLean.Conditions, c => Assert.Empty(c.Detail));
            Assert.Equal((hteFull.Eligible, hteFull.Score), (hteLean.Eligible, hteLean.Score));
            Assert.Equal(hteFull.Parts, hteLean.Parts);
            Assert.Equal(hteFull.Gaps, hteLean.Gaps);
            Assert.Equal(hteFull.Conditions.Select(c => (c.Code, c.Met)), hteLean.Conditions.Select(c => (c.Code, c.Met)));
            Assert.All(hteFull.Conditions, c => Assert.NotEmpty(c.Detail));
            Assert.All(hteLean.Conditions, c => Assert.Empty(c.Detail));
            compared++;
        }
        Assert.True(compared > 100, $"{compared} enterprises compared");
    }

    [Fact]
    public void Screen_FromEntitiesOrFromTheColumnsRead_SameRow()
    {
        var org = Guid.CreateVersion7();
        var profile = new EnterpriseProfile(org, "330723101", "测试企业", new ProfileFacts("C3465", TaxCollectionMode.ActualProfit, new DateOnly(2015, 3, 1), true, false, true), Now);
        List<EnterpriseYearRecord> years =
        [
            .. new[] { 2020, 2021, 2022 }.Select(y => new EnterpriseYearRecord(org, "330723101", y,
                new YearFigures(30_000_000m + y, 31_000_000m, 0m, 25_000_000m, 40_000_000m, 10_000_000m, 1_500_000m, 100_000m, 50_000m, 27_000_000m, 120, 30, 2, false, false), Now)),
        ];
        var patent = new IntellectualPropertyRecord(org, "330723101", IntellectualPropertyKind.InventionPatent, "一种扳手", "ZL1", IntellectualPropertyStatus.Granted,
            new DateOnly(2020, 1, 1), new DateOnly(2022, 5, 1), true, Now);
        var certificate = Qualification.HighTech(org, "330723101", new DateOnly(2020, 12, 1), "GR1", Now);
        var institution = new RdInstitution(org, "330723101", "研发中心", RdInstitutionKind.RdCenter, Level.Provincial, 2019, Now);
        var day = ScreenEnterprisesHandler.ReferenceDay(2023);

        var fromEntities = ScreenEnterprisesHandler.Screen(profile, 2023, day, years, [patent], [certificate], [institution]);
        var fromColumns = ScreenEnterprisesHandler.Screen(ScreeningProfile.Of(profile), 2023, day, years.Select(ScreeningYear.Of).ToList(),
            [ScreeningIp.Of(patent)], [ScreeningQualification.Of(certificate)], [ScreeningInstitution.Of(institution)]);

        Assert.Equal(fromEntities.Pools, fromColumns.Pools);
        Assert.Contains(CultivationPools.HighTechExpiring, fromColumns.Pools);
        Assert.Equal(new DateOnly(2023, 11, 30), fromColumns.HighTechValidUntil);
        Assert.True(fromColumns.TechSme!.DirectlyQualified);
        Assert.Equal((fromEntities.TechSme!.Eligible, fromEntities.TechSme.Score), (fromColumns.TechSme.Eligible, fromColumns.TechSme.Score));
        Assert.Equal(fromEntities.TechSme.Gaps, fromColumns.TechSme.Gaps);
        Assert.Equal((fromEntities.HighTech!.HardConditionsMet, fromEntities.HighTech.MinScore, fromEntities.HighTech.MaxScore),
            (fromColumns.HighTech!.HardConditionsMet, fromColumns.HighTech.MinScore, fromColumns.HighTech.MaxScore));
        Assert.Equal(Money.ToYuan(years[^1].SalesRevenueFen), fromColumns.SalesRevenue);
    }
}
