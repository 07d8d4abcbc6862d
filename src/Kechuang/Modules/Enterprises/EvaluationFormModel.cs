using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>One editable row of the self-assessment form's 高企 years.</summary>
public sealed class FormYear
{
    public int? Year { get; set; }
    public decimal? SalesRevenue { get; set; }
    public decimal? NetAssets { get; set; }
    public decimal? RdInHouseDomestic { get; set; }
    public decimal? RdCommissionedDomestic { get; set; }
    public decimal? RdCommissionedOverseas { get; set; }
    public int? Transformations { get; set; }
}

/// <summary>A part-time or temporary person in the form.</summary>
public sealed class FormStaff
{
    public bool OnPayroll { get; set; }
    public bool IsTechStaff { get; set; } = true;
    public decimal? MonthsWorked { get; set; } = 6;
}

/// <summary>
/// The self-assessment form (自评) of both engines: what an enterprise types, turned into the same requests the
/// API validates, so the page and <c>POST /api/v1/evaluations/…</c> give the same answer.
/// </summary>
public sealed class EvaluationFormModel
{
    // 科技型中小企业
    public int? Year { get; set; }
    public bool ResidentEnterprise { get; set; } = true;
    public string TaxCollection { get; set; } = "actual-profit";
    public string? IndustryCode { get; set; }
    public bool RestrictedOrEliminated { get; set; }
    public bool SeriousIncidents { get; set; }
    public bool OnCreditBlacklist { get; set; }
    public int? Employees { get; set; }
    public int? TechStaff { get; set; }
    public List<FormStaff> Staff { get; } = [];
    public decimal? SalesRevenue { get; set; }
    public decimal? TotalAssets { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? TotalCostsAndExpenses { get; set; }
    public int ClassOne { get; set; }
    public int ClassTwo { get; set; }
    public int ClassOneAcquired { get; set; }
    public int ClassTwoAcquired { get; set; }
    public HashSet<string> Direct { get; } = [];

    // 高新技术企业
    public DateOnly? RegistrationDate { get; set; }
    public DateOnly? ApplicationDate { get; set; }
    public bool OwnsCoreIp { get; set; } = true;
    public bool InSupportedField { get; set; } = true;
    public List<FormYear> Years { get; } = [new(), new(), new()];
    public decimal? TotalIncome { get; set; }
    public decimal? NonTaxableIncome { get; set; }
    public decimal? HighTechRevenue { get; set; }
    public decimal? HighTechTechStaff { get; set; }
    public decimal? EmployeesAverage { get; set; }
    public int? IpAdvancement { get; set; }
    public int? IpCoreSupport { get; set; }
    public int? IpQuantity { get; set; }
    public int? IpAcquisition { get; set; }
    public int? StandardBonus { get; set; }
    public int? Transformation { get; set; }
    public int? RdOrganization { get; set; }
    public int? NetAssetGrowth { get; set; }
    public int? SalesGrowth { get; set; }

    private IEnumerable<(string Kind, bool SelfDeveloped)> Property() =>
        Enumerable.Repeat(("invention-patent", true), Math.Max(ClassOne, 0))
            .Concat(Enumerable.Repeat(("invention-patent", false), Math.Max(ClassOneAcquired, 0)))
            .Concat(Enumerable.Repeat(("utility-model", true), Math.Max(ClassTwo, 0)))
            .Concat(Enumerable.Repeat(("utility-model", false), Math.Max(ClassTwoAcquired, 0)));

    public EvaluateTechSmeRequest TechSmeRequest() => new(
        Year, ResidentEnterprise, TaxCollection, IndustryCode, RestrictedOrEliminated, SeriousIncidents, OnCreditBlacklist, Employees, TechStaff,
        Staff.Select(s => (NonPayrollStaffBody?)new NonPayrollStaffBody(s.OnPayroll, s.IsTechStaff, s.MonthsWorked)).ToList(),
        SalesRevenue, TotalAssets, RdExpense, TotalCostsAndExpenses,
        Property().Select(p => (TechSmeIpBody?)new TechSmeIpBody(p.Kind, true)).ToList(),
        Direct.Select(d => (string?)d).ToList());

    public EvaluateHighTechRequest HighTechRequest()
    {
        var years = Years.Where(y => y.Year is not null || y.SalesRevenue is not null).ToList();
        HighTechExpertScoresBody? scores = new(IpAdvancement, IpCoreSupport, IpQuantity, IpAcquisition, StandardBonus, Transformation, RdOrganization, NetAssetGrowth, SalesGrowth);
        return new EvaluateHighTechRequest(RegistrationDate, ApplicationDate, OwnsCoreIp, InSupportedField, SeriousIncidents,
            years.Select(y => (HighTechYearBody?)new HighTechYearBody(y.Year, y.SalesRevenue, y.NetAssets, y.RdInHouseDomestic, y.RdCommissionedDomestic, y.RdCommissionedOverseas, y.Transformations)).ToList(),
            new HighTechLatestYearBody(TotalIncome, NonTaxableIncome, HighTechRevenue, HighTechTechStaff, EmployeesAverage, null),
            Property().Select(p => (HighTechIpBody?)new HighTechIpBody(p.Kind, true, p.SelfDeveloped)).ToList(),
            scores);
    }

    /// <summary>Runs an engine; invalid input gives the field messages instead of a result.</summary>
    public static (T? Result, IReadOnlyDictionary<string, string[]> Errors) Try<T>(Func<T> evaluate) where T : class
    {
        try
        {
            return (evaluate(), new Dictionary<string, string[]>());
        }
        catch (InputException e)
        {
            return (null, e.Errors);
        }
    }

    /// <summary>Pre-fills from an enterprise's stored records: its profile, the latest three years, IP valid on <paramref name="today"/>.</summary>
    public static async Task<EvaluationFormModel> FromRecordsAsync(KechuangDb db, Guid enterpriseId, DateOnly today, CancellationToken ct)
    {
        var model = new EvaluationFormModel { Year = today.Year, ApplicationDate = today };
        var profile = await db.Set<EnterpriseProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.OrganizationId == enterpriseId, ct);
        if (profile is not null)
        {
            model.IndustryCode = profile.IndustryCode;
            model.TaxCollection = EnterpriseNames.Api(profile.TaxCollection);
            model.ResidentEnterprise = profile.ResidentEnterprise;
            model.RestrictedOrEliminated = profile.RestrictedOrEliminated;
            model.InSupportedField = profile.InSupportedField;
            model.RegistrationDate = profile.RegistrationDate;
        }
        var records = await db.Set<EnterpriseYearRecord>().AsNoTracking().Where(r => r.OrganizationId == enterpriseId)
            .OrderByDescending(r => r.Year).Take(3).ToListAsync(ct);
        records.Reverse();
        if (records.Count > 0)
        {
            var latest = records[^1];
            var f = latest.Figures();
            model.Year = latest.Year + 1;
            model.Employees = f.Employees;
            model.TechStaff = f.TechStaff;
            model.SalesRevenue = f.SalesRevenue;
            model.TotalAssets = f.TotalAssets;
            model.RdExpense = latest.RdTotal;
            model.TotalCostsAndExpenses = f.TotalCostsAndExpenses;
            model.SeriousIncidents = f.SeriousIncidents;
            model.OnCreditBlacklist = f.OnCreditBlacklist;
            model.TotalIncome = f.TotalIncome;
            model.NonTaxableIncome = f.NonTaxableIncome;
            model.HighTechRevenue = f.HighTechRevenue;
            model.HighTechTechStaff = f.TechStaff;
            model.EmployeesAverage = f.Employees;
            for (var i = 0; i < 3; i++)
            {
                var slot = model.Years[i];
                var record = i < 3 - records.Count ? null : records[i - (3 - records.Count)];
                slot.Year = record?.Year;
                if (record is not null)
                {
                    slot.SalesRevenue = Money.ToYuan(record.SalesRevenueFen);
                    slot.NetAssets = record.NetAssets;
                    slot.RdInHouseDomestic = Money.ToYuan(record.RdInHouseDomesticFen);
                    slot.RdCommissionedDomestic = Money.ToYuan(record.RdCommissionedDomesticFen);
                    slot.RdCommissionedOverseas = Money.ToYuan(record.RdCommissionedOverseasFen);
                    slot.Transformations = record.Transformations;
                }
            }
        }
        var ip = (await db.Set<IntellectualPropertyRecord>().AsNoTracking().Where(p => p.OrganizationId == enterpriseId).ToListAsync(ct))
            .Where(p => p.IsValidOn(today)).ToList();
        model.ClassOne = ip.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassOne && p.SelfDeveloped);
        model.ClassOneAcquired = ip.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassOne && !p.SelfDeveloped);
        model.ClassTwo = ip.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassTwo && p.SelfDeveloped);
        model.ClassTwoAcquired = ip.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassTwo && !p.SelfDeveloped);
        model.OwnsCoreIp = ip.Count > 0;
        var qualifications = await db.Set<Qualification>().AsNoTracking().Confirmed().Where(q => q.OrganizationId == enterpriseId && q.Kind == QualificationKind.HighTechEnterprise).ToListAsync(ct);
        if (qualifications.Any(q => q.IsValidOn(today)))
        {
            model.Direct.Add("high-tech-certificate");
        }
        var institutions = await db.Set<RdInstitution>().AsNoTracking().Where(i => i.OrganizationId == enterpriseId).Select(i => i.Level).ToListAsync(ct);
        if (institutions.Any(l => l >= Level.Provincial))
        {
            model.Direct.Add("provincial-rd-institution");
        }
        return model;
    }
}

/// <summary>The evaluation form pre-filled from an enterprise's stored records (its profile, the latest three years, its IP).</summary>
public sealed class GetEvaluationFormHandler(KechuangDb db)
{
    public Task<EvaluationFormModel> HandleAsync(Guid enterpriseId, DateOnly today, CancellationToken ct = default) =>
        EvaluationFormModel.FromRecordsAsync(db, enterpriseId, today, ct);
}
