using System.Globalization;
using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>The tenancy sheet's columns, shared by import, export and the template.</summary>
public static class TenancySheet
{
    public static readonly SheetColumn Carrier = new("载体名称", "carrier");
    public static readonly SheetColumn EnterpriseName = new("企业名称", "enterpriseName");
    public static readonly SheetColumn CreditCode = new("统一社会信用代码", "creditCode", "enterpriseId");
    public static readonly SheetColumn Kind = new("入驻类型", "kind");
    public static readonly SheetColumn EnteredOn = new("入驻（注册）日期", "enteredOn");
    public static readonly SheetColumn LeftOn = new("迁出日期", "leftOn");

    public static readonly ImportSheet Sheet = new("入驻企业导入模板.xlsx", "carriers_tenancy", Carrier, EnterpriseName, CreditCode, Kind, EnteredOn, LeftOn);

    public static readonly ExportSheet<TenancyDto> Export = Sheet.Export<TenancyDto>("载体入驻企业.xlsx", new()
    {
        [Carrier] = t => t.CarrierName,
        [EnterpriseName] = t => t.EnterpriseName,
        [CreditCode] = t => t.CreditCode,
        [Kind] = t => t.KindName,
        [EnteredOn] = t => t.EnteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [LeftOn] = t => t.LeftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });
}

/// <summary>
/// Imports tenancies from .xlsx through the import kit, all or nothing: every row is checked (carrier in the caller's
/// scope, enterprise by credit code, kind, dates, no overlap with a stored record or an earlier row).
/// </summary>
public sealed class ImportTenanciesHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<Tenancy>(db)
{
    private sealed record CarrierRow(Guid Id, string Name, string RegionCode);

    private ILookup<string, CarrierRow> _carriers = Array.Empty<CarrierRow>().ToLookup(c => c.Name);
    private Dictionary<string, OrganizationInfo> _organizations = [];
    private readonly Dictionary<(Guid Carrier, Guid Enterprise, TenancyKind Kind), List<(int Row, DateOnly Entered, DateOnly? Left)>> _inFile = [];
    private readonly Dictionary<Guid, ILookup<(Guid?, TenancyKind), (DateOnly Entered, DateOnly? Left)>> _stored = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => TenancySheet.Sheet;

    protected override Platform.Access.Permission Permission => CarriersPermissions.ChangeTenancies;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var carriers = await Db.Set<Carrier>().AsNoTracking().Select(c => new CarrierRow(c.Id, c.Name, c.RegionCode)).ToListAsync(cancellationToken);
        _carriers = carriers.ToLookup(c => c.Name, StringComparer.Ordinal);
        _organizations = (await directory.ListAnywhereAsync(cancellationToken)).ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
        _today = Db.Today();
        _inFile.Clear();
        _stored.Clear();
    }

    protected override Tenancy? Read(SheetRow row, FieldErrors errors)
    {
        var carrierName = errors.Text("carrier", "载体名称", row.Text(TenancySheet.Carrier), CarrierRules.NameMax);
        var matches = carrierName.Length == 0 ? [] : _carriers[carrierName].ToList();
        if (carrierName.Length > 0 && matches.Count == 0)
        {
            errors.Add("carrier", $"载体“{carrierName}”不存在或不在您的数据范围内");
        }
        else if (matches.Count > 1)
        {
            errors.Add("carrier", $"您的数据范围内有{matches.Count}个名为“{carrierName}”的载体，请按县（市、区）分别导入");
        }
        var code = errors.Text("creditCode", "统一社会信用代码", row.Text(TenancySheet.CreditCode), 18).ToUpperInvariant();
        OrganizationInfo? enterprise = null;
        if (code.Length > 0)
        {
            enterprise = _organizations.GetValueOrDefault(code);
            if (enterprise is null)
            {
                errors.Add("creditCode", $"统一社会信用代码 {code} 的企业不在组织名录中，请先登记该企业");
            }
            else if (enterprise.Kind != OrganizationKind.Enterprise)
            {
                errors.Add("creditCode", $"{enterprise.Name} 不是企业，只能登记企业入驻");
            }
            else if (row.Text(TenancySheet.EnterpriseName) is { Length: > 0 } name && name != enterprise.Name)
            {
                errors.Add("enterpriseName", $"企业名称与统一社会信用代码不符，组织名录中为“{enterprise.Name}”");
            }
        }
        var entered = row.Date(TenancySheet.EnteredOn, errors);
        // An unreadable date is already reported; "请填写" would only repeat it.
        var enteredUnreadable = errors.Entries.ContainsKey("enteredOn");
        var left = row.Date(TenancySheet.LeftOn, errors);
        var (kind, _, _) = TenancyRules.Validate(row.Text(TenancySheet.Kind), entered, left, _today, errors, reportMissingEntry: !enteredUnreadable);
        if (errors.Any || matches.Count != 1)
        {
            return null;
        }
        var carrier = matches[0];
        var key = (carrier.Id, enterprise!.Id, kind!.Value);
        if (!_inFile.TryGetValue(key, out var earlier))
        {
            _inFile[key] = earlier = [];
        }
        if (earlier.FirstOrDefault(e => TenancyRules.Overlap(e.Entered, e.Left, entered!.Value, left)) is { Row: > 0 } overlapping)
        {
            errors.Add("enteredOn", $"与第{overlapping.Row}行的{TenancyKinds.Names[kind.Value]}时间重叠");
            return null;
        }
        earlier.Add((row.Number, entered!.Value, left));
        return new Tenancy(carrier.Id, carrier.RegionCode, enterprise.Id, kind.Value, entered.Value, left, Db.UtcNow);
    }

    /// <summary>Overlaps with stored records; each carrier's records are read the first time it appears.</summary>
    protected override async Task CheckAsync(ImportChunk<Tenancy> chunk, CancellationToken cancellationToken)
    {
        var carrierIds = chunk.Accepted.Select(a => a.Record.CarrierId).Distinct().Where(id => !_stored.ContainsKey(id)).ToList();
        if (carrierIds.Count > 0)
        {
            var stored = await Db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking().Where(t => carrierIds.Contains(t.CarrierId))
                .Select(t => new { t.CarrierId, t.OrganizationId, t.Kind, t.EnteredOn, t.LeftOn }).ToListAsync(cancellationToken);
            foreach (var id in carrierIds)
            {
                _stored[id] = stored.Where(t => t.CarrierId == id).ToLookup(t => (t.OrganizationId, t.Kind), t => (t.EnteredOn, t.LeftOn));
            }
        }
        foreach (var (row, tenancy) in chunk.Accepted)
        {
            if (_stored[tenancy.CarrierId][(tenancy.OrganizationId, tenancy.Kind)].Any(s => TenancyRules.Overlap(s.Entered, s.Left, tenancy.EnteredOn, tenancy.LeftOn)))
            {
                var name = _organizations.Values.First(o => o.Id == tenancy.OrganizationId).Name;
                chunk.Reject(row, TenancySheet.EnteredOn, TenancyRules.OverlapProblem(name, tenancy.Kind).Message);
            }
        }
    }
}
