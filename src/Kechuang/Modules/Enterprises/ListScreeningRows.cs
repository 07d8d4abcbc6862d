using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// Search, sort and paging of a screening's rows. A screening is computed in memory over every enterprise of the region (the
/// engines need each enterprise's records), so its list is arranged in memory too, with the same names as a database list;
/// the page pages the rows it holds, the API and the export the rows it has just screened.
/// </summary>
public sealed class ListScreeningRowsHandler(IOrganizationDirectory directory)
{
    private static readonly Dictionary<string, Func<IEnumerable<ScreeningRow>, bool, IOrderedEnumerable<ScreeningRow>>> Sorts =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = (rows, desc) => desc ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal),
            ["regionCode"] = (rows, desc) => desc ? rows.OrderByDescending(r => r.RegionCode, StringComparer.Ordinal) : rows.OrderBy(r => r.RegionCode, StringComparer.Ordinal),
            ["salesRevenue"] = (rows, desc) => desc ? rows.OrderByDescending(r => r.SalesRevenue) : rows.OrderBy(r => r.SalesRevenue),
        };

    /// <summary>
    /// The rows matching the search, in the requested order (the screening's own order when none). The search is the enterprise
    /// list's: a part of the name, or an organisation the directory finds by credit code or pinyin initials (恒达 → hd).
    /// </summary>
    public async Task<List<ScreeningRow>> AllAsync(IEnumerable<ScreeningRow> rows, ListQuery list, CancellationToken ct = default)
    {
        if (list.Text is { } text)
        {
            var found = (await directory.SearchAsync(text, ct)).ToHashSet();
            rows = rows.Where(r => r.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || found.Contains(r.EnterpriseId));
        }
        if (string.IsNullOrWhiteSpace(list.Sort))
        {
            return rows.ToList();
        }
        if (!Sorts.TryGetValue(list.Sort, out var order))
        {
            throw InputException.For("sort", $"不能按“{list.Sort}”排序，可选：{string.Join("、", Sorts.Keys)}");
        }
        return (list.Desc ? order(rows, true).ThenByDescending(r => r.EnterpriseId) : order(rows, false).ThenBy(r => r.EnterpriseId)).ToList();
    }

    /// <summary>One page of the arranged rows and their count.</summary>
    public async Task<Paged<ScreeningRow>> HandleAsync(IEnumerable<ScreeningRow> rows, ListQuery list, CancellationToken ct = default) =>
        Page(await AllAsync(rows, list, ct), list);

    /// <summary>One page of rows already arranged.</summary>
    internal static Paged<ScreeningRow> Page(IReadOnlyList<ScreeningRow> arranged, ListQuery list)
    {
        var (skip, take) = Paging.Normalize(list.Page, list.PageSize);
        return new Paged<ScreeningRow>(arranged.Skip(skip).Take(take).ToList(), arranged.Count);
    }
}
