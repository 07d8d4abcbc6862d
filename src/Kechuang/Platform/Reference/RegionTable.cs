using Kechuang.Platform.Access;

namespace Kechuang.Platform.Reference;

/// <summary>One read of the region table: names, full paths and the tree a picker offers.</summary>
public sealed class RegionTable
{
    /// <summary>Separator of a region's path, as AntDesign's cascader joins its levels.</summary>
    public const string PathSeparator = " / ";

    private readonly Dictionary<string, RegionOption> _byCode;
    private readonly ILookup<string, RegionOption> _byParent;

    public RegionTable(IEnumerable<RegionOption> regions)
    {
        All = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        _byCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _byParent = All.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
        Names = All.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Every region's name by its code, made once for the table (lists name each row's region).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>Every region in code order.</summary>
    public IReadOnlyList<RegionOption> All { get; }

    public RegionOption? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var region) ? region : null;

    /// <summary>The region's name (330723 → 武义县); the code itself when unknown, "—" when empty.</summary>
    public string Name(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—" : Find(code)?.Name ?? code.Trim();

    /// <summary>The region and its ancestors from the province down (浙江省, 金华市, 武义县, 桐琴镇).</summary>
    public IReadOnlyList<RegionOption> Lineage(string? code)
    {
        var lineage = new List<RegionOption>();
        var guard = 0;
        for (var region = Find(code); region is not null && guard++ < 10; region = Find(region.ParentCode))
        {
            lineage.Add(region);
        }
        lineage.Reverse();
        return lineage;
    }

    /// <summary>"浙江省 / 金华市 / 武义县 / 桐琴镇"; the code itself when unknown, "—" when empty.</summary>
    public string Path(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "—";
        }
        var lineage = Lineage(code);
        return lineage.Count == 0 ? code.Trim() : string.Join(PathSeparator, lineage.Select(r => r.Name));
    }

    public IEnumerable<RegionOption> Children(string code) => _byParent[code];

    /// <summary>
    /// The highest regions a scope covers (武义县 for a county account, 金华市 for a city account,
    /// the province for the system scope); everything a scope covers lies under one of them.
    /// </summary>
    public IReadOnlyList<RegionOption> ScopeRoots(DataScope scope)
    {
        bool Covered(RegionOption r) => scope.Covers(r.Code);
        return All.Where(r => Covered(r) && (Find(r.ParentCode) is not { } parent || !Covered(parent))).ToList();
    }
}
