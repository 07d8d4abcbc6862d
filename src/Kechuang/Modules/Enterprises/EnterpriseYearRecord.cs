using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>Validated figures of one fiscal year, in yuan.</summary>
public sealed record YearFigures(
    decimal SalesRevenue,
    decimal TotalIncome,
    decimal NonTaxableIncome,
    decimal HighTechRevenue,
    decimal TotalAssets,
    decimal Liabilities,
    decimal RdInHouseDomestic,
    decimal RdCommissionedDomestic,
    decimal RdCommissionedOverseas,
    decimal TotalCostsAndExpenses,
    int Employees,
    int TechStaff,
    int Transformations,
    bool SeriousIncidents,
    bool OnCreditBlacklist);

/// <summary>企业年度数据: one record per enterprise and fiscal year; money in fen.</summary>
public sealed class EnterpriseYearRecord : IOrganizationScoped
{
    private EnterpriseYearRecord()
    {
    }

    public EnterpriseYearRecord(Guid organizationId, string regionCode, int year, YearFigures figures, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Year = year;
        CreatedAt = now;
        Update(figures, now);
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public long SalesRevenueFen { get; private set; }
    public long TotalIncomeFen { get; private set; }
    public long NonTaxableIncomeFen { get; private set; }
    public long HighTechRevenueFen { get; private set; }
    public long TotalAssetsFen { get; private set; }
    public long LiabilitiesFen { get; private set; }
    public long RdInHouseDomesticFen { get; private set; }
    public long RdCommissionedDomesticFen { get; private set; }
    public long RdCommissionedOverseasFen { get; private set; }
    public long TotalCostsAndExpensesFen { get; private set; }
    public int Employees { get; private set; }
    public int TechStaff { get; private set; }
    public int Transformations { get; private set; }
    public bool SeriousIncidents { get; private set; }
    public bool OnCreditBlacklist { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(YearFigures f, DateTime now)
    {
        SalesRevenueFen = Money.ToFen(f.SalesRevenue);
        TotalIncomeFen = Money.ToFen(f.TotalIncome);
        NonTaxableIncomeFen = Money.ToFen(f.NonTaxableIncome);
        HighTechRevenueFen = Money.ToFen(f.HighTechRevenue);
        TotalAssetsFen = Money.ToFen(f.TotalAssets);
        LiabilitiesFen = Money.ToFen(f.Liabilities);
        RdInHouseDomesticFen = Money.ToFen(f.RdInHouseDomestic);
        RdCommissionedDomesticFen = Money.ToFen(f.RdCommissionedDomestic);
        RdCommissionedOverseasFen = Money.ToFen(f.RdCommissionedOverseas);
        TotalCostsAndExpensesFen = Money.ToFen(f.TotalCostsAndExpenses);
        Employees = f.Employees;
        TechStaff = f.TechStaff;
        Transformations = f.Transformations;
        SeriousIncidents = f.SeriousIncidents;
        OnCreditBlacklist = f.OnCreditBlacklist;
        UpdatedAt = now;
    }

    public YearFigures Figures() => new(
        Money.ToYuan(SalesRevenueFen), Money.ToYuan(TotalIncomeFen), Money.ToYuan(NonTaxableIncomeFen), Money.ToYuan(HighTechRevenueFen),
        Money.ToYuan(TotalAssetsFen), Money.ToYuan(LiabilitiesFen), Money.ToYuan(RdInHouseDomesticFen), Money.ToYuan(RdCommissionedDomesticFen),
        Money.ToYuan(RdCommissionedOverseasFen), Money.ToYuan(TotalCostsAndExpensesFen), Employees, TechStaff, Transformations, SeriousIncidents, OnCreditBlacklist);

    /// <summary>净资产 = 资产总额 − 负债总额.</summary>
    public decimal NetAssets => Money.ToYuan(TotalAssetsFen - LiabilitiesFen);

    /// <summary>研究开发费用总额 with commissioned R&amp;D at 80%.</summary>
    public decimal RdTotal => HighTechRules.RdTotal(Money.ToYuan(RdInHouseDomesticFen), Money.ToYuan(RdCommissionedDomesticFen), Money.ToYuan(RdCommissionedOverseasFen));
}
