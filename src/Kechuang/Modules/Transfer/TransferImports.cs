using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

/// <summary>Institutions of every region by credit code and by name, for rows that name one either way.</summary>
internal sealed class InstitutionIndex(IReadOnlyList<OrganizationInfo> all)
{
    private readonly Dictionary<string, OrganizationInfo> _byCode = all.Where(o => o.Kind == OrganizationKind.Institution).ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
    private readonly ILookup<string, OrganizationInfo> _byName = all.Where(o => o.Kind == OrganizationKind.Institution).ToLookup(o => o.Name, StringComparer.Ordinal);

    public OrganizationInfo? Find(string? name, string? code, string field, FieldErrors errors)
    {
        var c = code?.Trim().ToUpperInvariant() ?? "";
        var n = name?.Trim() ?? "";
        if (c.Length > 0)
        {
            if (_byCode.GetValueOrDefault(c) is { } byCode)
            {
                return byCode;
            }
            errors.Add(field, $"统一社会信用代码 {c} 的院校不在组织名录中（或不是高校院所）");
            return null;
        }
        if (n.Length == 0)
        {
            errors.Add(field, "请填写院校名称");
            return null;
        }
        var matches = _byName[n].ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }
        errors.Add(field, matches.Count == 0 ? $"院校“{n}”不在组织名录中，请先登记" : $"组织名录中有{matches.Count}个名为“{n}”的院校，请填写统一社会信用代码");
        return null;
    }
}

/// <summary>Imports stations, all or nothing: institutions by credit code or name, regions in the caller's scope, names unique in their county.</summary>
public sealed class ImportStationsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<TransferStation>(db)
{
    private InstitutionIndex _institutions = new([]);
    private HashSet<string> _regions = [];
    private HashSet<(string County, string Name)> _taken = [];
    private readonly Dictionary<(string, string), int> _inFile = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => TransferSheets.Stations.Sheet;

    protected override Platform.Access.Permission Permission => TransferPermissions.CreateStations;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _institutions = new InstitutionIndex(await directory.ListAnywhereAsync(cancellationToken));
        _regions = (await directory.RegionNamesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        _taken = (await Db.Set<TransferStation>().IgnoreQueryFilters().AsNoTracking().Select(s => new { s.RegionCode, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.RegionCode[..Math.Min(6, s.RegionCode.Length)], s.Name)).ToHashSet();
        _inFile.Clear();
        _today = Db.Today();
    }

    protected override TransferStation? Read(SheetRow row, FieldErrors errors)
    {
        var institution = _institutions.Find(row.Text(TransferSheets.Stations.Institution), row.Text(TransferSheets.Stations.InstitutionCode), "institution", errors);
        var opened = row.Date(TransferSheets.Stations.OpenedOn, errors);
        var facts = StationRules.Validate(new StationInput(row.Text(TransferSheets.Stations.Name), institution?.Id ?? Guid.Empty, row.Text(TransferSheets.Stations.Region), opened,
            row.Text(TransferSheets.Stations.Staff), row.Text(TransferSheets.Stations.Fields), row.Text(TransferSheets.Stations.Contact)), _regions.Contains, _today, errors);
        TransferQueries.CheckScope(Db, facts?.RegionCode, "regionCode", errors);
        if (facts is null || institution is null || errors.Any)
        {
            return null;
        }
        var key = (facts.RegionCode[..Math.Min(6, facts.RegionCode.Length)], facts.Name);
        if (_taken.Contains(key))
        {
            errors.Add("name", $"本县（市、区）已有名为“{facts.Name}”的工作站");
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("name", $"与第{earlier}行的工作站重名");
            return null;
        }
        _inFile[key] = row.Number;
        return new TransferStation(facts, Db.UtcNow);
    }
}

/// <summary>Imports demands, all or nothing: enterprises by credit code in the caller's scope (an enterprise account: only itself), campaigns by name.</summary>
public sealed class ImportDemandsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<Demand>(db)
{
    private Dictionary<string, OrganizationInfo> _enterprises = [];
    private ILookup<string, Guid> _campaigns = Array.Empty<(string, Guid)>().ToLookup(c => c.Item1, c => c.Item2);
    private DateOnly _today;

    protected override ImportSheet Sheet => TransferSheets.Demands.Sheet;

    protected override Platform.Access.Permission Permission => TransferPermissions.CreateDemands;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _enterprises = (await directory.ListAsync(OrganizationKind.Enterprise, cancellationToken)).ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
        _campaigns = (await Db.Set<DemandCampaign>().AsNoTracking().Select(c => new { c.Name, c.Id }).ToListAsync(cancellationToken)).ToLookup(c => c.Name, c => c.Id, StringComparer.Ordinal);
        _today = Db.Today();
    }

    protected override Demand? Read(SheetRow row, FieldErrors errors)
    {
        var code = errors.Text("creditCode", "统一社会信用代码", row.Text(TransferSheets.Demands.CreditCode), 18).ToUpperInvariant();
        OrganizationInfo? enterprise = null;
        if (code.Length > 0)
        {
            enterprise = _enterprises.GetValueOrDefault(code);
            if (enterprise is null)
            {
                errors.Add("creditCode", $"统一社会信用代码 {code} 的企业不在您的数据范围内（或不是企业）");
            }
            else if (row.Text(TransferSheets.Demands.Enterprise) is { Length: > 0 } name && name != enterprise.Name)
            {
                errors.Add("enterpriseName", $"企业名称与统一社会信用代码不符，组织名录中为“{enterprise.Name}”");
            }
        }
        Guid? campaign = null;
        if (row.Text(TransferSheets.Demands.Campaign) is { Length: > 0 } campaignName)
        {
            var matches = _campaigns[campaignName].ToList();
            if (matches.Count == 1)
            {
                campaign = matches[0];
            }
            else
            {
                errors.Add("campaignId", matches.Count == 0 ? $"需求征集“{campaignName}”不存在" : $"有{matches.Count}个名为“{campaignName}”的需求征集");
            }
        }
        var status = errors.Enum("status", "状态", row.Text(TransferSheets.Demands.Status), DemandRules.StatusNames, required: false);
        var facts = DemandRules.Validate(new DemandInput(enterprise?.Id, row.Text(TransferSheets.Demands.Kind), row.Text(TransferSheets.Demands.Title),
            row.Text(TransferSheets.Demands.Description), row.Text(TransferSheets.Demands.Field), row.Numeric(TransferSheets.Demands.Budget, errors),
            row.Date(TransferSheets.Demands.Deadline, errors), row.Date(TransferSheets.Demands.CollectedOn, errors), campaign), _today, errors);
        if (facts is null || enterprise is null || errors.Any)
        {
            return null;
        }
        var demand = new Demand(enterprise.Id, enterprise.RegionCode, facts, Db.User.Scope.OrganizationId is not null, Db.UtcNow);
        // A sheet of earlier demands carries their state as it stands; a new demand is open.
        if (status is { } s && s != DemandStatus.Open)
        {
            demand.MoveTo(s, Db.UtcNow);
        }
        return demand;
    }
}

/// <summary>Imports cooperations, all or nothing: enterprises by credit code in the caller's scope, institutions by name, stations by name.</summary>
public sealed class ImportCooperationsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<Cooperation>(db)
{
    private Dictionary<string, OrganizationInfo> _enterprises = [];
    private InstitutionIndex _institutions = new([]);
    private ILookup<string, Guid> _stations = Array.Empty<(string, Guid)>().ToLookup(c => c.Item1, c => c.Item2);
    private DateOnly _today;

    protected override ImportSheet Sheet => TransferSheets.Cooperations.Sheet;

    protected override Platform.Access.Permission Permission => TransferPermissions.CreateCooperations;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _enterprises = (await directory.ListAsync(OrganizationKind.Enterprise, cancellationToken)).ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
        _institutions = new InstitutionIndex(await directory.ListAnywhereAsync(cancellationToken));
        _stations = (await Db.Set<TransferStation>().AsNoTracking().Select(s => new { s.Name, s.Id }).ToListAsync(cancellationToken)).ToLookup(s => s.Name, s => s.Id, StringComparer.Ordinal);
        _today = Db.Today();
    }

    protected override Cooperation? Read(SheetRow row, FieldErrors errors)
    {
        var code = errors.Text("creditCode", "企业统一社会信用代码", row.Text(TransferSheets.Cooperations.CreditCode), 18).ToUpperInvariant();
        OrganizationInfo? enterprise = null;
        if (code.Length > 0)
        {
            enterprise = _enterprises.GetValueOrDefault(code);
            if (enterprise is null)
            {
                errors.Add("creditCode", $"统一社会信用代码 {code} 的企业不在您的数据范围内（或不是企业）");
            }
            else if (row.Text(TransferSheets.Cooperations.Enterprise) is { Length: > 0 } name && name != enterprise.Name)
            {
                errors.Add("enterpriseName", $"企业名称与统一社会信用代码不符，组织名录中为“{enterprise.Name}”");
            }
        }
        var institution = _institutions.Find(row.Text(TransferSheets.Cooperations.Institution), null, "institution", errors);
        Guid? station = null;
        if (row.Text(TransferSheets.Cooperations.Station) is { Length: > 0 } stationName)
        {
            var matches = _stations[stationName].ToList();
            if (matches.Count == 1)
            {
                station = matches[0];
            }
            else
            {
                errors.Add("stationId", matches.Count == 0 ? $"工作站“{stationName}”不存在或不在您的数据范围内" : $"有{matches.Count}个名为“{stationName}”的工作站");
            }
        }
        var facts = CooperationRules.Validate(new CooperationInput(row.Text(TransferSheets.Cooperations.Title), enterprise?.Id ?? Guid.Empty, institution?.Id ?? Guid.Empty,
            row.Text(TransferSheets.Cooperations.Kind), row.Numeric(TransferSheets.Cooperations.Amount, errors), row.Date(TransferSheets.Cooperations.SignedOn, errors),
            StationId: station, Note: row.Text(TransferSheets.Cooperations.Note)), _today, errors);
        if (facts is null || enterprise is null || institution is null || errors.Any)
        {
            return null;
        }
        return new Cooperation(facts, enterprise.RegionCode, Db.UtcNow);
    }
}
