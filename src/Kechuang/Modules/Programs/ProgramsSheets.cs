using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

/// <summary>The calls as the list shows them, with their review criteria; calls have no import.</summary>
public static class CallSheet
{
    public static readonly ExportSheet<CallDto> Export = new ExportSheet<CallDto>("科技计划申报通知.xlsx", "programs_call")
        .Column("通知标题", c => c.Title)
        .Column("发布地区", c => c.RegionName)
        .Column("计划层级", c => c.LevelName)
        .Column("项目类别", c => c.Category)
        .Column("年度", c => c.Year)
        .Column("申报开始日期", c => ProgramsRules.Day(c.OpensOn))
        .Column("申报截止日期", c => ProgramsRules.Day(c.ClosesOn))
        .Column("申报中", c => c.Open ? "是" : "否")
        .Column("申报项目（项）", c => c.Applications)
        .Column("评审指标", c => string.Join("；", c.Criteria.Select(k => $"{k.Name}{k.MaxPoints}分")))
        .Column("去掉最高分和最低分", c => c.DropHighLow ? "是" : "否")
        .Column("公示天数", c => c.NoticeDays);
}

/// <summary>The application sheet's columns, shared by import, export and template: an export imports again (into an open call).</summary>
public static class ApplicationSheet
{
    public static readonly SheetColumn Call = new("申报通知", "callId", "call");
    public static readonly SheetColumn Organization = new("申报单位", "organizationId", "organization");
    public static readonly SheetColumn Title = new("项目名称", "title");
    public static readonly SheetColumn Leader = new("项目负责人", "leader");
    public static readonly SheetColumn Team = new("项目组成员", "team");
    public static readonly SheetColumn OwnFunds = new("自筹经费（元）", "ownFunds");
    public static readonly SheetColumn RequestedFunds = new("申请经费（元）", "requestedFunds");

    public static readonly ImportSheet Sheet = new("科技计划项目申报导入模板.xlsx", "programs_application", Call, Organization, Title, Leader, Team, OwnFunds, RequestedFunds);

    public static readonly ExportSheet<ApplicationDto> Export = Sheet.Export<ApplicationDto>("科技计划项目申报.xlsx", new()
    {
        [Call] = a => a.CallTitle,
        [Organization] = a => a.OrganizationName,
        [Title] = a => a.Title,
        [Leader] = a => a.Leader,
        [Team] = a => a.Team,
        [OwnFunds] = a => a.OwnFunds,
        [RequestedFunds] = a => a.RequestedFunds,
    })
        .Column("计划层级", a => a.LevelName)
        .Column("项目类别", a => a.Category)
        .Column("状态", a => a.StatusName)
        .Column("申报日期", a => ProgramsRules.Day(a.SubmittedOn))
        .Column("评审得分", a => a.Score)
        .Column("所在地区", a => a.RegionName);
}

/// <summary>
/// Imports applications collected on paper, all or nothing: the call by its title (open today), the organisation by its
/// name in the caller's scope, an application already made (same call, organisation and title) or repeated in the file refused.
/// </summary>
public sealed class ImportApplicationsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<PlanApplication>(db)
{
    private ILookup<string, PlanCall> _calls = Array.Empty<PlanCall>().ToLookup(c => "");
    private ILookup<string, OrganizationInfo> _organizations = Array.Empty<OrganizationInfo>().ToLookup(o => "");
    private HashSet<(Guid, Guid, string)> _taken = [];
    private readonly Dictionary<(Guid, Guid, string), int> _inFile = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => ApplicationSheet.Sheet;

    protected override Platform.Access.Permission Permission => ProgramsPermissions.Submit;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _calls = (await Db.Set<PlanCall>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.Title, StringComparer.Ordinal);
        _organizations = (await directory.ListAsync(cancellationToken: cancellationToken)).ToLookup(o => o.Name, StringComparer.Ordinal);
        _taken = (await Db.Set<PlanApplication>().IgnoreQueryFilters().AsNoTracking().Select(a => new { a.CallId, a.OrganizationId, a.Title }).ToListAsync(cancellationToken))
            .Select(a => (a.CallId, a.OrganizationId!.Value, a.Title)).ToHashSet();
        _today = Db.Today();
        _inFile.Clear();
    }

    protected override PlanApplication? Read(SheetRow row, FieldErrors errors)
    {
        PlanCall? call = null;
        var callTitle = row.Text(ApplicationSheet.Call)?.Trim() ?? "";
        var calls = _calls[callTitle].ToList();
        if (callTitle.Length == 0)
        {
            errors.Add("callId", "请填写申报通知");
        }
        else if (calls.Count != 1)
        {
            errors.Add("callId", calls.Count == 0 ? $"申报通知“{callTitle}”不存在" : $"有{calls.Count}个名为“{callTitle}”的申报通知，无法确定是哪一个");
        }
        else if (_today < calls[0].OpensOn || _today > calls[0].ClosesOn)
        {
            errors.Add("callId", $"申报通知“{callTitle}”当前不在申报时间内");
        }
        else
        {
            call = calls[0];
        }
        OrganizationInfo? org = null;
        var orgName = row.Text(ApplicationSheet.Organization)?.Trim() ?? "";
        var orgs = _organizations[orgName].ToList();
        if (orgName.Length > 0 && orgs.Count != 1)
        {
            errors.Add("organizationId", $"申报单位“{orgName}”不存在或不在您的数据范围内");
        }
        else if (orgs.Count == 1)
        {
            org = orgs[0];
            if ((Db.User.Scope.OrganizationId is { } own && own != org.Id) || !Db.User.Scope.Covers(org.RegionCode))
            {
                errors.Add("organizationId", "申报单位不在您的数据范围内");
                org = null;
            }
        }
        var input = new ApplicationInput(call?.Id ?? (callTitle.Length > 0 ? Guid.Empty : null), org?.Id ?? (orgName.Length > 0 ? Guid.Empty : null),
            row.Text(ApplicationSheet.Title), row.Text(ApplicationSheet.Leader), row.Text(ApplicationSheet.Team), row.Numeric(ApplicationSheet.OwnFunds, errors),
            row.Numeric(ApplicationSheet.RequestedFunds, errors), []);
        var facts = ProgramsRules.ValidateApplication(input, org?.RegionCode ?? "", errors);
        if (errors.Any || facts is null || call is null || org is null)
        {
            return null;
        }
        var key = (call.Id, org.Id, facts.Title);
        if (_taken.Contains(key))
        {
            errors.Add("title", ApplicationChecks.Duplicate().Message);
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("title", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        return new PlanApplication(call.Id, facts, _today, Db.UtcNow);
    }

    /// <summary>Each imported application starts its timeline like one submitted on the form.</summary>
    protected override async Task WriteAsync(IReadOnlyList<PlanApplication> records, CancellationToken cancellationToken)
    {
        await base.WriteAsync(records, cancellationToken);
        await AddAsync(records.Select(a => new PlanTransition(a, null, "submit", _today, Db.User.DisplayName, "导入", Db.UtcNow)).ToList(), cancellationToken);
    }
}
