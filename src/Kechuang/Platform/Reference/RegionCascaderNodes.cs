using AntDesign;
using Kechuang.Platform.Access;

namespace Kechuang.Platform.Reference;

/// <summary>The tree a region cascader offers for a data scope.</summary>
public static class RegionCascaderNodes
{
    /// <summary>
    /// One root per highest covered region, labelled with its whole path (浙江省 / 金华市 / 武义县), so the
    /// chosen value reads from the province down while nothing outside the scope can be picked (a disabled
    /// ancestor could not be opened either). A current value outside the scope (a record saved before its
    /// region changed hands) is kept as one more root so the form shows it instead of failing.
    /// </summary>
    public static List<CascaderNode> Build(RegionTable table, DataScope scope, string? current)
    {
        var roots = table.ScopeRoots(scope).Select(r => Node(table, r, table.Path(r.Code))).ToList();
        if (table.Find(current) is { } kept && !roots.Any(r => Contains(r, kept.Code)))
        {
            roots.Add(new CascaderNode { Value = kept.Code, Label = table.Path(kept.Code) });
        }
        return roots;
    }

    private static CascaderNode Node(RegionTable table, RegionOption region, string label)
    {
        var children = table.Children(region.Code).Select(c => Node(table, c, c.Name)).ToList();
        return new CascaderNode { Value = region.Code, Label = label, Children = children.Count > 0 ? children : null };
    }

    private static bool Contains(CascaderNode node, string code) =>
        node.Value == code || (node.Children?.Any(c => Contains(c, code)) ?? false);
}
