namespace Kechuang.Modules.Enterprises;

/// <summary>知识产权类别. API spelling is kebab-case (<c>invention-patent</c>, <c>protected-tcm-class1</c>, …).</summary>
public enum IntellectualPropertyKind
{
    InventionPatent = 1,
    UtilityModel = 2,
    DesignPatent = 3,
    SoftwareCopyright = 4,
    PlantVariety = 5,
    NationalCropVariety = 6,
    NationalNewDrug = 7,
    ProtectedTcmClass1 = 8,
    IcLayout = 9,
    Trademark = 10,
}

/// <summary>Ⅰ类 / Ⅱ类 knowledge property as both evaluation schemes classify it; trademarks count in neither.</summary>
public enum IntellectualPropertyClass
{
    None = 0,
    ClassOne = 1,
    ClassTwo = 2,
}

public static class IntellectualPropertyKinds
{
    public static readonly IReadOnlyDictionary<IntellectualPropertyKind, string> Names = new Dictionary<IntellectualPropertyKind, string>
    {
        [IntellectualPropertyKind.InventionPatent] = "发明专利",
        [IntellectualPropertyKind.UtilityModel] = "实用新型",
        [IntellectualPropertyKind.DesignPatent] = "外观设计",
        [IntellectualPropertyKind.SoftwareCopyright] = "软件著作权",
        [IntellectualPropertyKind.PlantVariety] = "植物新品种",
        [IntellectualPropertyKind.NationalCropVariety] = "国家级农作物品种",
        [IntellectualPropertyKind.NationalNewDrug] = "国家新药",
        [IntellectualPropertyKind.ProtectedTcmClass1] = "国家一级中药保护品种",
        [IntellectualPropertyKind.IcLayout] = "集成电路布图设计专有权",
        [IntellectualPropertyKind.Trademark] = "商标",
    };

    /// <summary>
    /// Ⅰ类: 发明专利(含国防专利)、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权;
    /// Ⅱ类: 实用新型、外观设计、软件著作权(不含商标) — 国科发政〔2017〕115号 附件 评价指标说明; the same split
    /// is used by 国科发火〔2016〕195号 for 高新技术企业.
    /// </summary>
    public static IntellectualPropertyClass ClassOf(IntellectualPropertyKind kind) => kind switch
    {
        IntellectualPropertyKind.InventionPatent or IntellectualPropertyKind.PlantVariety or IntellectualPropertyKind.NationalCropVariety
            or IntellectualPropertyKind.NationalNewDrug or IntellectualPropertyKind.ProtectedTcmClass1 or IntellectualPropertyKind.IcLayout
            => IntellectualPropertyClass.ClassOne,
        IntellectualPropertyKind.UtilityModel or IntellectualPropertyKind.DesignPatent or IntellectualPropertyKind.SoftwareCopyright
            => IntellectualPropertyClass.ClassTwo,
        _ => IntellectualPropertyClass.None,
    };
}
