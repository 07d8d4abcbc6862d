using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <param name="Qualification">科技型中小企业 or 高新技术企业 (api names), held at some time or, with <paramref name="Year"/>, valid in that year.</param>
public sealed record EnterpriseListQuery(string? RegionCode = null, string? Qualification = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>One enterprise of the cultivation list: its profile, its credit code from the directory and the qualifications it holds.</summary>
public sealed record EnterpriseRow(Guid EnterpriseId, string Name, string CreditCode, string RegionCode, string IndustryCode, bool Industrial,
    DateOnly RegistrationDate, IReadOnlyList<string> Qualifications);

/// <summary>企业培育档案 list: the page, <c>GET /api/v1/enterprises</c> and its export share it.</summary>
public sealed class ListEnterprisesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<EnterpriseProfile> Sorts =
        new SortMap<EnterpriseProfile>(p => p.Id, p => p.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
            .Add("name", p => p.Name)
            .Add("regionCode", p => p.RegionCode)
            .Add("industryCode", p => p.IndustryCode)
            .Add("registrationDate", p => p.RegistrationDate);

    public async Task<Paged<EnterpriseRow>> HandleAsync(EnterpriseListQuery query, CancellationToken ct = default)
    {
        var filtered = await FilterAsync(query, ct);
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(ct);
        return new(await RowsAsync(rows, ct), total);
    }

    /// <summary>Every enterprise of the filtered, sorted list, for the export.</summary>
    public async Task<List<EnterpriseRow>> AllAsync(EnterpriseListQuery query, CancellationToken ct = default)
    {
        var rows = await (await FilterAsync(query, ct)).ApplySort(Sorts, query.List).ToListAsync(ct);
        return await RowsAsync(rows, ct);
    }

    private async Task<IQueryable<EnterpriseProfile>> FilterAsync(EnterpriseListQuery query, CancellationToken ct)
    {
        var profiles = db.Set<EnterpriseProfile>().AsNoTracking().UnderRegion(query.RegionCode);
        if (!string.IsNullOrWhiteSpace(query.Qualification) || query.Year is not null)
        {
            var errors = new FieldErrors();
            var kind = string.IsNullOrWhiteSpace(query.Qualification) ? null
                : errors.Enum("qualification", "资质", query.Qualification, EnterpriseNames.Qualifications);
            var year = query.Year is null ? (int?)null : errors.Year("year", query.Year);
            errors.ThrowIfAny();
            var qualifications = db.Set<Qualification>().AsNoTracking().Confirmed();
            if (kind is { } k)
            {
                qualifications = qualifications.Where(x => x.Kind == k);
            }
            if (year is { } y)
            {
                // Valid at some time in the year: a 高企 certificate covers three years, a 科小 entry its own year.
                var first = new DateOnly(y, 1, 1);
                var last = new DateOnly(y, 12, 31);
                qualifications = qualifications.Where(x => x.ValidFrom <= last && x.ValidUntil >= first);
            }
            // Profiles and qualifications always name their organisation. Said so, the two are compared by plain equality,
            // which the database answers as a semi-join; as two nullable columns, EF adds a NULL-equals-NULL branch that
            // made it probe the qualifications once per profile of the region.
            profiles = profiles.Where(p => p.OrganizationId != null
                && qualifications.Any(x => x.OrganizationId != null && x.OrganizationId == p.OrganizationId));
        }
        if (query.List.Text is { } text)
        {
            // Credit codes and pinyin initials live in the directory; it answers which of the caller's organisations match.
            var matching = await directory.SearchAsync(text, ct);
            profiles = profiles.Where(p => p.Name.Contains(text) || matching.Contains(p.OrganizationId!.Value));
        }
        return profiles;
    }

    private async Task<List<EnterpriseRow>> RowsAsync(List<EnterpriseProfile> profiles, CancellationToken ct)
    {
        var ids = profiles.Select(p => p.OrganizationId!.Value).ToList();
        var organizations = await directory.FindManyAnywhereAsync(ids, ct);
        var held = new Dictionary<Guid, List<QualificationKind>>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Set<Qualification>().AsNoTracking().Confirmed().Where(q => chunk.Contains(q.OrganizationId!.Value))
                .Select(q => new { Id = q.OrganizationId!.Value, q.Kind }).Distinct().ToListAsync(ct);
            foreach (var row in rows)
            {
                (held.TryGetValue(row.Id, out var kinds) ? kinds : held[row.Id] = []).Add(row.Kind);
            }
        }
        return profiles.Select(p =>
        {
            var id = p.OrganizationId!.Value;
            var kinds = held.TryGetValue(id, out var k) ? k.Distinct().Order().Select(x => EnterpriseNames.Qualifications[x]).ToList() : [];
            return new EnterpriseRow(id, p.Name, organizations.TryGetValue(id, out var o) ? o.CreditCode : "", p.RegionCode, p.IndustryCode,
                p.IsIndustrial, p.RegistrationDate, kinds);
        }).ToList();
    }
}

/// <summary>Columns of the enterprise list export.</summary>
public static class EnterpriseListSheet
{
    public static readonly Platform.Excel.ExportSheet<EnterpriseRow> Export = new Platform.Excel.ExportSheet<EnterpriseRow>("企业培育档案.xlsx", "enterprises_profile")
        .Column("企业名称", r => r.Name)
        .Column("统一社会信用代码", r => r.CreditCode)
        .Column("区划代码", r => r.RegionCode)
        .Column("行业代码", r => r.IndustryCode)
        .Column("工业企业", r => r.Industrial ? "是" : "否")
        .Column("注册成立", r => r.RegistrationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .Column("资质", r => string.Join("、", r.Qualifications));
}
