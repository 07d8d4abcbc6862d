using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>
/// Imports talent-programme applications, all or nothing: the applicant by name among the caller's people (the one of
/// the employer when names repeat), the employer by credit code, the rest checked by <see cref="TalentRules.ValidateApplication"/>;
/// a row that repeats a stored application or an earlier row is refused.
/// </summary>
public sealed class ImportApplicationsHandler(KechuangDb db, IOrganizationDirectory organizations, IPersonDirectory people, TalentProgrammes programmes)
    : SheetImport<TalentApplication>(db)
{
    private ImportLookups _lookups = new();
    private HashSet<(Guid, string, int)> _taken = [];
    private readonly Dictionary<(Guid, string, int), int> _inFile = [];

    protected override ImportSheet Sheet => TalentSheets.Applications;

    protected override Platform.Access.Permission Permission => TalentPermissions.ChangeApplications;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _lookups = await ImportLookups.LoadAsync(Db, organizations, people, cancellationToken);
        _taken = (await Db.Set<TalentApplication>().IgnoreQueryFilters().AsNoTracking().Select(a => new { a.PersonId, a.Programme, a.Year }).ToListAsync(cancellationToken))
            .Select(a => (a.PersonId, a.Programme, a.Year)).ToHashSet();
        _inFile.Clear();
    }

    protected override TalentApplication? Read(SheetRow row, FieldErrors errors)
    {
        var employer = _lookups.Organization(row.Text(TalentSheets.EmployerCode), row.Text(TalentSheets.Employer), "employerId", "申报单位", null, errors);
        var person = _lookups.Person(row.Text(TalentSheets.Applicant), employer?.Id, "personId", "申报人", errors);
        var input = new ApplicationInput(row.Text(TalentSheets.Programme), row.Text(TalentSheets.Level), person?.Id ?? Guid.Empty, employer?.Id ?? Guid.Empty,
            row.Text(TalentSheets.Region), row.WholeNumber(TalentSheets.Year, errors), row.Date(TalentSheets.RecommendedOn, errors), row.Text(TalentSheets.Result),
            row.Date(TalentSheets.DecidedOn, errors), row.Text(TalentSheets.Note));
        var facts = TalentRules.ValidateApplication(input, programmes, _lookups.RegionExists, _lookups.Today, errors);
        _lookups.InScope(input.RegionCode, errors);
        if (errors.Any || person is null || employer is null)
        {
            return null;
        }
        var key = (facts!.PersonId, facts.Programme, facts.Year);
        if (_taken.Contains(key))
        {
            errors.Add("personId", TalentRules.DuplicateApplication(facts.Programme, facts.Year).Message);
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("personId", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        return new TalentApplication(facts, Db.UtcNow);
    }
}

/// <summary>
/// Imports PhD recommendations (百博入企推荐上报), all or nothing: the PhD by name among the caller's PhD profiles (the one
/// of the named institution when names repeat), the enterprise by credit code.
/// </summary>
public sealed class ImportPhdRecommendationsHandler(KechuangDb db, IOrganizationDirectory organizations, IPersonDirectory people)
    : SheetImport<PhdRecommendation>(db)
{
    private ImportLookups _lookups = new();
    private ILookup<string, (Guid Id, string Institution)> _phds = Array.Empty<(Guid, string)>().ToLookup(p => "");
    private HashSet<(Guid, Guid, int)> _taken = [];
    private readonly Dictionary<(Guid, Guid, int), int> _inFile = [];

    protected override ImportSheet Sheet => TalentSheets.Recommendations;

    protected override Platform.Access.Permission Permission => TalentPermissions.ChangePhds;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _lookups = await ImportLookups.LoadAsync(Db, organizations, people, cancellationToken);
        var profiles = await Db.Set<PhdProfile>().AsNoTracking().Select(p => new { p.Id, p.PersonId, p.InstitutionId }).ToListAsync(cancellationToken);
        var names = await people.FindManyAnywhereAsync(profiles.Select(p => p.PersonId), cancellationToken);
        var institutions = await organizations.NamesAnywhereAsync(profiles.Select(p => p.InstitutionId).Distinct(), cancellationToken);
        _phds = profiles.Where(p => names.ContainsKey(p.PersonId))
            .ToLookup(p => names[p.PersonId].Name, p => (p.Id, institutions.GetValueOrDefault(p.InstitutionId, "")), StringComparer.Ordinal);
        _taken = (await Db.Set<PhdRecommendation>().IgnoreQueryFilters().AsNoTracking().Select(r => new { r.PhdId, r.EnterpriseId, r.Year }).ToListAsync(cancellationToken))
            .Select(r => (r.PhdId, r.EnterpriseId, r.Year)).ToHashSet();
        _inFile.Clear();
    }

    protected override PhdRecommendation? Read(SheetRow row, FieldErrors errors)
    {
        var enterprise = _lookups.Organization(row.Text(TalentSheets.EnterpriseCode), row.Text(TalentSheets.Enterprise), "enterpriseId", "入企企业",
            OrganizationKind.Enterprise, errors);
        Guid? phdId = null;
        var name = row.Text(TalentSheets.PhdName)?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("phdId", "请填写博士姓名");
        }
        else
        {
            var matches = _phds[name].ToList();
            var institution = row.Text(TalentSheets.Institution)?.Trim();
            if (matches.Count > 1 && !string.IsNullOrEmpty(institution))
            {
                matches = matches.Where(m => m.Institution == institution).ToList();
            }
            if (matches.Count == 0)
            {
                errors.Add("phdId", $"博士库中没有“{name}”{(string.IsNullOrEmpty(institution) ? "" : $"（{institution}）")}，请先建立博士档案");
            }
            else if (matches.Count > 1)
            {
                errors.Add("phdId", $"博士库中有{matches.Count}位“{name}”，请填写所在高校院所以区分");
            }
            else
            {
                phdId = matches[0].Id;
            }
        }
        var input = new PhdRecommendationInput(phdId ?? Guid.Empty, enterprise?.Id ?? Guid.Empty, null, row.Text(TalentSheets.EnterpriseRegion),
            row.WholeNumber(TalentSheets.RoundYear, errors), row.Date(TalentSheets.ReportedOn, errors), row.Date(TalentSheets.StartedOn, errors),
            row.Date(TalentSheets.EndedOn, errors), row.Text(TalentSheets.RecommendationNote));
        var facts = TalentRules.ValidateRecommendation(input, _lookups.RegionExists, _lookups.Today, errors);
        _lookups.InScope(input.RegionCode, errors);
        if (errors.Any || phdId is null || enterprise is null)
        {
            return null;
        }
        var key = (facts!.PhdId, facts.EnterpriseId, facts.Year);
        if (_taken.Contains(key))
        {
            errors.Add("phdId", TalentRules.DuplicateRecommendation(facts.Year).Message);
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("phdId", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        return new PhdRecommendation(facts, Db.UtcNow);
    }
}

/// <summary>What the talent imports match rows against, loaded once before reading.</summary>
internal sealed class ImportLookups
{
    private Dictionary<string, OrganizationInfo> _byCode = [];
    private ILookup<string, PersonInfo> _people = Array.Empty<PersonInfo>().ToLookup(p => p.Name);
    private IReadOnlyDictionary<string, string> _regions = new Dictionary<string, string>();
    private Platform.Access.DataScope? _scope;

    public DateOnly Today { get; private set; }

    public bool RegionExists(string code) => _regions.ContainsKey(code);

    public static async Task<ImportLookups> LoadAsync(KechuangDb db, IOrganizationDirectory organizations, IPersonDirectory people, CancellationToken cancellationToken) => new()
    {
        _byCode = (await organizations.ListAnywhereAsync(cancellationToken)).ToDictionary(o => o.CreditCode, StringComparer.Ordinal),
        _people = (await people.ListAsync(cancellationToken)).ToLookup(p => p.Name, StringComparer.Ordinal),
        _regions = await organizations.RegionNamesAsync(cancellationToken),
        _scope = db.User.Scope,
        Today = db.Today(),
    };

    public void InScope(string? regionCode, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(regionCode) && !errors.Entries.ContainsKey("regionCode") && _scope is { } scope && !scope.Covers(regionCode.Trim()))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
    }

    public OrganizationInfo? Organization(string? creditCode, string? name, string field, string label, OrganizationKind? kind, FieldErrors errors)
    {
        var code = creditCode?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors.Add(field, $"请填写{label}的统一社会信用代码");
            return null;
        }
        if (!_byCode.TryGetValue(code, out var organization))
        {
            errors.Add(field, $"统一社会信用代码 {code} 的单位不在组织名录中，请先登记该单位");
            return null;
        }
        if (kind is { } k && organization.Kind != k)
        {
            errors.Add(field, $"{organization.Name} 不是{OrganizationKinds.Names[k]}");
            return null;
        }
        if (!string.IsNullOrWhiteSpace(name) && name.Trim() != organization.Name)
        {
            errors.Add(field, $"{label}名称与统一社会信用代码不符，组织名录中为“{organization.Name}”");
            return null;
        }
        return organization;
    }

    public PersonInfo? Person(string? name, Guid? organizationId, string field, string label, FieldErrors errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, $"请填写{label}");
            return null;
        }
        var matches = _people[trimmed].ToList();
        if (matches.Count > 1 && organizationId is { } org)
        {
            matches = matches.Where(p => p.OrganizationId == org).ToList();
        }
        if (matches.Count == 0)
        {
            errors.Add(field, $"人员名录中没有“{trimmed}”（或不在您的数据范围内），请先登记该人员");
            return null;
        }
        if (matches.Count > 1)
        {
            errors.Add(field, $"人员名录中有{matches.Count}位“{trimmed}”，无法确定是哪一位");
            return null;
        }
        return matches[0];
    }
}
