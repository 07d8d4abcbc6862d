using System.Globalization;
using Kechuang.Platform.Excel;

namespace Kechuang.Modules.Talent;

/// <summary>The talent sheets' columns, shared by import, export and template: an export imports again.</summary>
public static class TalentSheets
{
    public static readonly SheetColumn Programme = new("人才项目", "programme");
    public static readonly SheetColumn Level = new("项目级别", "level");
    public static readonly SheetColumn Applicant = new("申报人", "personId", "applicant");
    public static readonly SheetColumn Employer = new("申报单位", "employerName");
    public static readonly SheetColumn EmployerCode = new("申报单位统一社会信用代码", "employerId", "employerCode");
    public static readonly SheetColumn Region = new("行政区划代码", "regionCode");
    public static readonly SheetColumn Year = new("申报年度", "year");
    public static readonly SheetColumn RecommendedOn = new("推荐日期", "recommendedOn");
    public static readonly SheetColumn Result = new("评审结果", "result");
    public static readonly SheetColumn DecidedOn = new("结果日期", "decidedOn");
    public static readonly SheetColumn Note = new("备注", "note");

    public static readonly ImportSheet Applications = new("人才项目申报导入模板.xlsx", "talent_application",
        Programme, Level, Applicant, Employer, EmployerCode, Region, Year, RecommendedOn, Result, DecidedOn, Note);

    public static readonly ExportSheet<ApplicationDto> ApplicationExport = Applications.Export<ApplicationDto>("人才项目申报.xlsx", new()
    {
        [Programme] = a => a.Programme,
        [Level] = a => a.LevelName,
        [Applicant] = a => a.PersonName,
        [Employer] = a => a.EmployerName,
        [EmployerCode] = a => a.EmployerCreditCode,
        [Region] = a => a.RegionCode,
        [Year] = a => a.Year,
        [RecommendedOn] = a => Day(a.RecommendedOn),
        [Result] = a => a.ResultName,
        [DecidedOn] = a => Day(a.DecidedOn),
        [Note] = a => a.Note,
    });

    public static readonly SheetColumn PhdName = new("博士姓名", "phdId", "phdName");
    public static readonly SheetColumn Institution = new("所在高校院所", "institution");
    public static readonly SheetColumn Discipline = new("学科专业", "discipline");
    public static readonly SheetColumn Enterprise = new("入企企业", "enterpriseName");
    public static readonly SheetColumn EnterpriseCode = new("企业统一社会信用代码", "enterpriseId", "enterpriseCode");
    public static readonly SheetColumn RoundYear = new("百博入企年度", "year");
    public static readonly SheetColumn ReportedOn = new("上报日期", "reportedOn");
    public static readonly SheetColumn StartedOn = new("入企日期", "startedOn");
    public static readonly SheetColumn EndedOn = new("离企日期", "endedOn");
    public static readonly SheetColumn EnterpriseRegion = new("行政区划代码", "regionCode");
    public static readonly SheetColumn RecommendationNote = new("备注", "note");

    public static readonly ImportSheet Recommendations = new("百博入企推荐导入模板.xlsx", "talent_phd_recommendation",
        PhdName, Institution, Discipline, Enterprise, EnterpriseCode, EnterpriseRegion, RoundYear, ReportedOn, StartedOn, EndedOn, RecommendationNote);

    public static readonly ExportSheet<PhdRecommendationDto> RecommendationExport = Recommendations.Export<PhdRecommendationDto>("百博入企推荐.xlsx", new()
    {
        [PhdName] = r => r.PhdName,
        [Institution] = r => r.InstitutionName,
        [Discipline] = r => r.Discipline,
        [Enterprise] = r => r.EnterpriseName,
        [EnterpriseCode] = r => r.EnterpriseCreditCode,
        [EnterpriseRegion] = r => r.RegionCode,
        [RoundYear] = r => r.Year,
        [ReportedOn] = r => Day(r.ReportedOn),
        [StartedOn] = r => Day(r.StartedOn),
        [EndedOn] = r => Day(r.EndedOn),
        [RecommendationNote] = r => r.Note,
    });

    public static readonly ExportSheet<PhdDto> PhdExport = new ExportSheet<PhdDto>("百博入企博士库.xlsx", "talent_phd")
        .Column("姓名", p => p.Name)
        .Column("所在高校院所", p => p.InstitutionName)
        .Column("学科专业", p => p.Discipline)
        .Column("技术领域", p => p.TechFields)
        .Column("联系电话", p => p.Phone)
        .Column("行政区划代码", p => p.RegionCode)
        .Column("推荐次数", p => p.Recommendations);

    /// <summary>The introduced talents as the list shows them; introductions have no import.</summary>
    public static readonly ExportSheet<IntroductionDto> IntroductionExport = new ExportSheet<IntroductionDto>("引进人才.xlsx", "talent_introduction")
        .Column("姓名", i => i.PersonName)
        .Column("学历层次", i => i.DegreeName)
        .Column("引进单位", i => i.EmployerName)
        .Column("行政区划代码", i => i.RegionCode)
        .Column("所在地区", i => i.RegionName)
        .Column("引进日期", i => Day(i.IntroducedOn))
        .Column("学科专业", i => i.Discipline)
        .Column("备注", i => i.Note);

    /// <summary>The enterprises' PhD demands as the list shows them; demands have no import.</summary>
    public static readonly ExportSheet<PhdDemandDto> DemandExport = new ExportSheet<PhdDemandDto>("企业博士需求.xlsx", "talent_phd_demand")
        .Column("需求企业", d => d.EnterpriseName)
        .Column("行政区划代码", d => d.RegionCode)
        .Column("所在地区", d => d.RegionName)
        .Column("需求年度", d => d.Year)
        .Column("需求学科专业", d => d.Discipline)
        .Column("需求人数", d => d.Headcount)
        .Column("需求说明", d => d.Description);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
