using AntDesign;

namespace Kechuang.Platform.Reference;

/// <summary>The four levels of GB/T 4754-2017 as cascader nodes, valued by the code as written (C3381).</summary>
public static class IndustryCascaderNodes
{
    public static List<CascaderNode> Build() => IndustryCatalog.Children(null).Select(Node).ToList();

    private static CascaderNode Node(IndustryClass industry)
    {
        var children = IndustryCatalog.Children(industry.FullCode).Select(Node).ToList();
        return new CascaderNode { Value = industry.FullCode, Label = industry.Name, Children = children.Count > 0 ? children : null };
    }
}
