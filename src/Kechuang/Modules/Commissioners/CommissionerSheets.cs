using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

/// <summary>The commissioner sheet's columns, shared by the import, the export and the template.</summary>
public static class CommissionerSheet
{
    public static readonly SheetColumn Person = new("姓名", "personId");
    public static readonly SheetColumn Kind = new("特派员类型", "kind");
    public static readonly SheetColumn Level = new("派遣层级", "level");
    public static readonly SheetColumn Unit = new("派出单位", "dispatchingUnitId");
    public static readonly SheetColumn Region = new("派驻乡镇代码", "regionCode");
    public static readonly SheetColumn Industry = new("服务产业", "industry");
    public static readonly SheetColumn TermStart = new("派驻开始日期", "termStart");
    public static readonly SheetColumn TermEnd = new("派驻结束日期", "termEnd");
    public static readonly SheetColumn AgreementSigned = new("协议签订日期", "agreementSignedOn");

    public static readonly ImportSheet Sheet = new("科技特派员导入模板.xlsx", "commissioners_commissioner", Person, Kind, Level, Unit, Region, Industry, TermStart, TermEnd, AgreementSigned);

    public static readonly ExportSheet<CommissionerDto> Export = Sheet.Export<CommissionerDto>("科技特派员.xlsx", new()
    {
        [Person] = c => c.PersonName,
        [Kind] = c => c.KindName,
        [Level] = c => c.LevelName,
        [Unit] = c => c.DispatchingUnitName,
        [Region] = c => c.RegionCode,
        [Industry] = c => c.Industry,
        [TermStart] = c => Day(c.TermStart),
        [TermEnd] = c => Day(c.TermEnd),
        [AgreementSigned] = c => Day(c.AgreementSignedOn),
    }).Column("派驻乡镇", c => c.RegionName).Column("服务模式", c => c.Model);

    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The project sheet: the commissioner named by the person's name (the dispatch whose term covers the year).</summary>
public static class ProjectSheet
{
    public static readonly SheetColumn Commissioner = new("科技特派员", "commissionerId");
    public static readonly SheetColumn Level = new("项目层级", "level");
    public static readonly SheetColumn Year = new("立项年度", "year");
    public static readonly SheetColumn Title = new("项目名称", "title");
    public static readonly SheetColumn Funding = new("资助经费（元）", "funding");
    public static readonly SheetColumn Goals = new("目标任务", "goals");
    public static readonly SheetColumn Results = new("实施成效", "results");

    public static readonly ImportSheet Sheet = new("科技特派员项目导入模板.xlsx", "commissioners_project", Commissioner, Level, Year, Title, Funding, Goals, Results);

    public static readonly ExportSheet<CommissionerProjectDto> Export = Sheet.Export<CommissionerProjectDto>("科技特派员项目.xlsx", new()
    {
        [Commissioner] = p => p.CommissionerName,
        [Level] = p => p.LevelName,
        [Year] = p => p.Year,
        [Title] = p => p.Title,
        [Funding] = p => p.Funding,
        [Goals] = p => p.Goals,
        [Results] = p => p.Results,
    }).Column("所在乡镇", p => p.RegionName);
}

/// <summary>The service sheet: one row per service; the kind decides which columns are read.</summary>
public static class ServiceSheet
{
    public static readonly SheetColumn Commissioner = new("科技特派员", "commissionerId");
    public static readonly SheetColumn Kind = new("服务类型", "kind");
    public static readonly SheetColumn ServedOn = new("服务日期", "servedOn");
    public static readonly SheetColumn Place = new("地点", "place");
    public static readonly SheetColumn Topic = new("主题（内容）", "topic");
    public static readonly SheetColumn Trainees = new("参训人次", "trainees");
    public static readonly SheetColumn SignIn = new("签到表说明", "signInNote");
    public static readonly SheetColumn Variety = new("品种名称", "varietyName");
    public static readonly SheetColumn Crop = new("作物", "crop");
    public static readonly SheetColumn Source = new("品种来源", "source");
    public static readonly SheetColumn Area = new("推广面积（亩）", "areaMu");
    public static readonly SheetColumn Campaign = new("结对帮扶活动", "campaign");
    public static readonly SheetColumn Served = new("服务对象", "servedName");

    public static readonly ImportSheet Sheet = new("科技特派员服务记录导入模板.xlsx", "commissioners_service",
        Commissioner, Kind, ServedOn, Place, Topic, Trainees, SignIn, Variety, Crop, Source, Area, Campaign, Served);

    public static readonly ExportSheet<ServiceDto> Export = Sheet.Export<ServiceDto>("科技特派员服务记录.xlsx", new()
    {
        [Commissioner] = s => s.CommissionerName,
        [Kind] = s => s.KindName,
        [ServedOn] = s => CommissionerSheet.Day(s.ServedOn),
        [Place] = s => s.Place,
        [Topic] = s => s.Topic,
        [Trainees] = s => s.Trainees,
        [SignIn] = s => s.SignInNote,
        [Variety] = s => s.VarietyName,
        [Crop] = s => s.Crop,
        [Source] = s => s.Source,
        [Area] = s => s.AreaMu,
        [Campaign] = s => s.CampaignName,
        [Served] = s => s.ServedName,
    }).Column("确认状态", s => s.Confirmed ? "已确认" : s.ConfirmationCode is null ? "无需确认" : "待确认");
}

/// <summary>Imports commissioners all or nothing: person by name among the directory's commissioners, unit by name, town in scope, no overlapping term.</summary>
public sealed class ImportCommissionersHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people) : SheetImport<Commissioner>(db)
{
    private ILookup<string, PersonInfo> _people = Array.Empty<PersonInfo>().ToLookup(p => p.Name);
    private ILookup<string, OrganizationInfo> _units = Array.Empty<OrganizationInfo>().ToLookup(o => o.Name);
    private Func<string, bool> _isTown = _ => false;
    private List<(Guid Person, CommissionerLevel Level, DateOnly Start, DateOnly End)> _terms = [];

    protected override ImportSheet Sheet => CommissionerSheet.Sheet;

    protected override Platform.Access.Permission Permission => CommissionersPermissions.Change;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _people = (await people.ListCommissionersAsync(cancellationToken)).ToLookup(p => p.Name, StringComparer.Ordinal);
        _units = (await directory.ListAnywhereAsync(cancellationToken)).ToLookup(o => o.Name, StringComparer.Ordinal);
        _isTown = await CommissionerQueries.TownsAsync(directory, cancellationToken);
        _terms = (await Db.Set<Commissioner>().IgnoreQueryFilters().AsNoTracking().Select(c => new { c.PersonId, c.Level, c.TermStart, c.TermEnd }).ToListAsync(cancellationToken))
            .Select(c => (c.PersonId, c.Level, c.TermStart, c.TermEnd)).ToList();
    }

    protected override Commissioner? Read(SheetRow row, FieldErrors errors)
    {
        var name = row.Text(CommissionerSheet.Person) ?? "";
        var matches = _people[name].ToList();
        if (name.Length > 0 && matches.Count != 1)
        {
            errors.Add("personId", matches.Count == 0 ? $"人员名录中没有名为“{name}”的科技特派员（或不在您的数据范围内）" : $"人员名录中有{matches.Count}位名为“{name}”的科技特派员，请在页面上逐个登记");
        }
        Guid? unitId = null;
        if (row.Text(CommissionerSheet.Unit) is { Length: > 0 } unit)
        {
            var units = _units[unit].ToList();
            if (units.Count == 0)
            {
                errors.Add("dispatchingUnitId", $"组织名录中没有名为“{unit}”的单位");
            }
            unitId = units.FirstOrDefault()?.Id;
        }
        var input = new CommissionerInput(matches.Count == 1 ? matches[0].Id : name.Length > 0 ? Guid.Empty : null, row.Text(CommissionerSheet.Kind), row.Text(CommissionerSheet.Level), unitId,
            row.Text(CommissionerSheet.Region), row.Text(CommissionerSheet.Industry), row.Date(CommissionerSheet.TermStart, errors),
            row.Date(CommissionerSheet.TermEnd, errors), row.Date(CommissionerSheet.AgreementSigned, errors));
        var facts = CommissionerRules.Validate(input, _isTown, errors);
        if (facts is not null && !Db.User.Scope.Covers(facts.RegionCode))
        {
            errors.Add("regionCode", "该乡镇（街道）不在您的数据范围内");
        }
        if (errors.Any || facts is null)
        {
            return null;
        }
        if (_terms.Any(t => t.Person == facts.PersonId && t.Level == facts.Level && CommissionerRules.Overlap(t.Start, t.End, facts.TermStart, facts.TermEnd)))
        {
            errors.Add("termStart", CommissionerRules.OverlapProblem(name).Message);
            return null;
        }
        _terms.Add((facts.PersonId, facts.Level, facts.TermStart, facts.TermEnd));
        return new Commissioner(facts, Db.UtcNow);
    }
}

/// <summary>Shared by the project and service imports: a commissioner named by the person's name, on a given day or year.</summary>
internal sealed class CommissionerNames(IReadOnlyList<Commissioner> commissioners, IReadOnlyDictionary<Guid, string> names)
{
    private readonly ILookup<string, Commissioner> _byName = commissioners.ToLookup(c => names.GetValueOrDefault(c.PersonId, ""), StringComparer.Ordinal);

    public static async Task<CommissionerNames> LoadAsync(KechuangDb db, IPersonDirectory people, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Commissioner>().AsNoTracking().ToListAsync(cancellationToken);
        return new CommissionerNames(rows, await people.NamesAnywhereAsync(rows.Select(r => r.PersonId), cancellationToken));
    }

    /// <summary>The one dispatch of that name whose term <paramref name="covers"/>; adds the problem to the column otherwise.</summary>
    public Commissioner? Find(string? name, Func<Commissioner, bool> covers, string when, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("commissionerId", "请填写科技特派员姓名");
            return null;
        }
        var all = _byName[name].ToList();
        if (all.Count == 0)
        {
            errors.Add("commissionerId", $"没有名为“{name}”的科技特派员派驻记录（或不在您的数据范围内）");
            return null;
        }
        var matching = all.Where(covers).ToList();
        if (matching.Count == 1)
        {
            return matching[0];
        }
        errors.Add("commissionerId", matching.Count == 0 ? $"{name}在{when}不在派驻期内" : $"{name}在{when}有{matching.Count}条派驻记录，请在页面上登记");
        return null;
    }
}

/// <summary>Imports commissioner projects all or nothing; a title is unique within its year.</summary>
public sealed class ImportCommissionerProjectsHandler(KechuangDb db, IPersonDirectory people) : SheetImport<CommissionerProject>(db)
{
    private CommissionerNames _names = new([], new Dictionary<Guid, string>());
    private HashSet<(int, string)> _titles = [];

    protected override ImportSheet Sheet => ProjectSheet.Sheet;

    protected override Platform.Access.Permission Permission => CommissionersPermissions.ChangeProjects;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _names = await CommissionerNames.LoadAsync(Db, people, cancellationToken);
        _titles = (await Db.Set<CommissionerProject>().IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Year, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Year, p.Title)).ToHashSet();
    }

    protected override CommissionerProject? Read(SheetRow row, FieldErrors errors)
    {
        var year = row.WholeNumber(ProjectSheet.Year, errors);
        var commissioner = year is { } y
            ? _names.Find(row.Text(ProjectSheet.Commissioner), c => c.TermStart.Year <= y && c.TermEnd.Year >= y, $"{y}年", errors)
            : null;
        var input = new ProjectInput(commissioner?.Id ?? Guid.Empty, row.Text(ProjectSheet.Level), year, row.Text(ProjectSheet.Title),
            row.Numeric(ProjectSheet.Funding, errors), row.Text(ProjectSheet.Goals), row.Text(ProjectSheet.Results));
        var facts = ProjectRules.Validate(input, errors);
        if (errors.Any || facts is null || commissioner is null)
        {
            return null;
        }
        if (!_titles.Add((facts.Year, facts.Title)))
        {
            errors.Add("title", $"{facts.Year}年已有名为“{facts.Title}”的科技特派员项目");
            return null;
        }
        return new CommissionerProject(facts, commissioner.RegionCode, Db.UtcNow);
    }
}

/// <summary>Imports service records (trainings, varieties, areas, visits, help) all or nothing; visits and help get confirmation codes.</summary>
public sealed class ImportServicesHandler(KechuangDb db, IPersonDirectory people) : SheetImport<ServiceRecord>(db)
{
    private CommissionerNames _names = new([], new Dictionary<Guid, string>());
    private HashSet<string> _codes = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => ServiceSheet.Sheet;

    protected override Platform.Access.Permission Permission => CommissionersPermissions.RecordServices;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _names = await CommissionerNames.LoadAsync(Db, people, cancellationToken);
        _codes = (await Db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ConfirmationCode != null)
            .Select(s => s.ConfirmationCode!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        _today = Db.Today();
    }

    protected override ServiceRecord? Read(SheetRow row, FieldErrors errors)
    {
        var day = row.Date(ServiceSheet.ServedOn, errors);
        var commissioner = day is { } d ? _names.Find(row.Text(ServiceSheet.Commissioner), c => c.Serves(d), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), errors) : null;
        var input = new ServiceInput(commissioner?.Id ?? Guid.Empty, row.Text(ServiceSheet.Kind), day, row.Text(ServiceSheet.Place), row.Text(ServiceSheet.Topic),
            row.WholeNumber(ServiceSheet.Trainees, errors), row.Text(ServiceSheet.SignIn), row.Text(ServiceSheet.Variety), row.Text(ServiceSheet.Crop),
            row.Text(ServiceSheet.Source), row.Numeric(ServiceSheet.Area, errors), row.Text(ServiceSheet.Campaign), row.Text(ServiceSheet.Served));
        var facts = ServiceRules.Validate(input, _today, errors);
        if (errors.Any || facts is null || commissioner is null)
        {
            return null;
        }
        string? code = null;
        if (facts.Kind is ServiceKind.Visit or ServiceKind.TechnicalAssistance)
        {
            do
            {
                code = ServiceRules.NewCode();
            }
            while (!_codes.Add(code));
        }
        return new ServiceRecord(facts, commissioner.RegionCode, code, Db.UtcNow);
    }
}
