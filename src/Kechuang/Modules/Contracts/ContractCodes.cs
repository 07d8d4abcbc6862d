using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// A code list of the national registration form 技术合同登记表 (JJ-001): stable string codes with their Chinese
/// names, in the form's order. The API, the form and the sheet accept either the code or the Chinese name; records
/// store the code (docs/rules/contract-registration.md §10).
/// </summary>
public sealed class CodeList(string label, params (string Code, string Name)[] entries)
{
    private readonly Dictionary<string, string> _byCode = entries.ToDictionary(e => e.Code, e => e.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byName = entries.ToDictionary(e => e.Name, e => e.Code, StringComparer.Ordinal);

    /// <summary>What the field is called on the form (性质, 技术领域 …), for messages.</summary>
    public string Label { get; } = label;

    public IReadOnlyList<(string Code, string Name)> Entries { get; } = entries;

    public int CodeMax { get; } = entries.Max(e => e.Code.Length);

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    /// <summary>The Chinese name of a code; the code itself when unknown (a code list shrank), "" for none.</summary>
    public string NameOf(string? code) => code is null ? "" : _byCode.GetValueOrDefault(code, code);

    /// <summary>The code of a value given as a code or as its Chinese name; null (and a field message) when it is neither.</summary>
    public string? Parse(string field, string? value, FieldErrors errors, bool required = false, string prefix = "")
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required)
            {
                errors.Add(field, $"请选择{prefix}{Label}");
            }
            return null;
        }
        if (_byCode.ContainsKey(v))
        {
            return v;
        }
        if (_byName.TryGetValue(v, out var code))
        {
            return code;
        }
        errors.Add(field, $"{prefix}{Label}取值无效，可选：{string.Join("、", Entries.Select(e => $"{e.Code}（{e.Name}）"))}");
        return null;
    }
}

/// <summary>The code lists of JJ-001 (docs/rules/contract-registration.md §7 and §10).</summary>
public static class ContractCodes
{
    /// <summary>中国 in the country (region) list: the default of both parties.</summary>
    public const string China = "156";

    /// <summary>
    /// 国别(地区): three-digit numeric codes of GB/T 2659 (ISO 3166-1), the countries and regions that technology
    /// contracts of a county name in practice; 中国 first. Hong Kong, Macao and Taiwan are listed as regions.
    /// </summary>
    public static readonly CodeList Countries = new("国别（地区）",
        (China, "中国"), ("344", "中国香港"), ("446", "中国澳门"), ("158", "中国台湾"),
        ("392", "日本"), ("410", "韩国"), ("702", "新加坡"), ("458", "马来西亚"), ("764", "泰国"), ("704", "越南"),
        ("360", "印度尼西亚"), ("608", "菲律宾"), ("356", "印度"), ("586", "巴基斯坦"), ("398", "哈萨克斯坦"),
        ("784", "阿拉伯联合酋长国"), ("682", "沙特阿拉伯"), ("376", "以色列"), ("792", "土耳其"),
        ("276", "德国"), ("250", "法国"), ("826", "英国"), ("380", "意大利"), ("724", "西班牙"), ("528", "荷兰"),
        ("056", "比利时"), ("756", "瑞士"), ("040", "奥地利"), ("752", "瑞典"), ("246", "芬兰"), ("208", "丹麦"),
        ("578", "挪威"), ("616", "波兰"), ("203", "捷克"), ("348", "匈牙利"), ("643", "俄罗斯"), ("804", "乌克兰"),
        ("840", "美国"), ("124", "加拿大"), ("484", "墨西哥"), ("076", "巴西"), ("032", "阿根廷"), ("152", "智利"),
        ("036", "澳大利亚"), ("554", "新西兰"), ("710", "南非"), ("818", "埃及"), ("566", "尼日利亚"), ("404", "肯尼亚"),
        ("999", "其他国家（地区）"));

    /// <summary>
    /// 买方/卖方性质, the 法人类型 codes the JJ-001 notes name; 400 个人 and 900 其他 are the project's own codes for
    /// parties the notes' list does not cover.
    /// </summary>
    public static readonly CodeList Natures = new("性质",
        ("010", "机关法人"),
        ("021", "事业单位-科研机构"), ("022", "高等院校"), ("023", "医疗卫生机构"), ("024", "其他事业单位"),
        ("030", "社团法人"),
        ("110", "国有企业"), ("120", "集体企业"), ("130", "股份合作企业"), ("140", "联营企业"), ("150", "有限责任公司"),
        ("160", "股份有限公司"), ("170", "私营企业"), ("180", "其他企业"),
        ("200", "港澳台商投资企业"), ("300", "外商投资企业"),
        ("400", "个人"), ("900", "其他"));

    /// <summary>技术领域: the classes of the national technology-market statistics (the project's two-digit codes).</summary>
    public static readonly CodeList TechFields = new("技术领域",
        ("01", "电子信息"), ("02", "航空航天"), ("03", "先进制造"), ("04", "生物、医药和医疗器械"), ("05", "新材料及其应用"),
        ("06", "新能源与高效节能"), ("07", "环境保护与资源综合利用"), ("08", "核应用"), ("09", "农业"), ("10", "现代交通"),
        ("11", "城市建设与社会发展"));

    /// <summary>社会经济目标: the goals of the national technology-market statistics (the project's two-digit codes).</summary>
    public static readonly CodeList SocioEconomicGoals = new("社会经济目标",
        ("01", "地球和大气层的探索与利用"), ("02", "民用空间探测与开发"), ("03", "农林牧渔业发展"), ("04", "促进工业发展"),
        ("05", "能源生产、分配和合理利用"), ("06", "基础设施与城乡规划"), ("07", "环境保护、生态建设与污染防治"),
        ("08", "卫生事业发展"), ("09", "教育事业发展"), ("10", "文化、体育和公共传媒"), ("11", "社会发展和社会服务"),
        ("12", "国防"), ("13", "其他民用目标"));

    /// <summary>知识产权类型: what intellectual property the contract's subject involves (00: none).</summary>
    public static readonly CodeList IpTypes = new("知识产权类型",
        ("00", "未涉及知识产权"), ("01", "专利"), ("02", "计算机软件著作权"), ("03", "集成电路布图设计"), ("04", "植物新品种"),
        ("05", "生物医药新品种"), ("06", "技术秘密"), ("09", "其他知识产权"));

    /// <summary>计划类别: the government S&amp;T plan the contract's project belongs to (00: none).</summary>
    public static readonly CodeList PlanCategories = new("计划类别",
        ("00", "非计划项目"), ("01", "国家科技计划"), ("02", "省级科技计划"), ("03", "市级科技计划"), ("04", "县级科技计划"));

    /// <summary>
    /// The 性质 a party most likely has, from what the directory knows of it (its kind, and for companies the legal form
    /// its name carries): a suggestion the clerk may change before the contract is registered.
    /// </summary>
    public static string NatureOf(OrganizationInfo organization)
    {
        var name = organization.Name;
        switch (organization.Kind)
        {
            case OrganizationKind.Government:
                return "010";
            case OrganizationKind.Institution:
                // 科学院 ends in 学院 but is a research institute.
                return name.Contains("科学院", StringComparison.Ordinal) || name.Contains("研究院", StringComparison.Ordinal) ? "021"
                    : name.Contains("大学", StringComparison.Ordinal) || name.Contains("学院", StringComparison.Ordinal) ? "022"
                    : name.Contains("医院", StringComparison.Ordinal) ? "023"
                    : "021";
        }
        if (name.Contains("股份有限公司", StringComparison.Ordinal))
        {
            return "160";
        }
        if (name.EndsWith("有限公司", StringComparison.Ordinal) || name.EndsWith("有限责任公司", StringComparison.Ordinal))
        {
            return "150";
        }
        return organization.Kind == OrganizationKind.Service ? "024" : "180";
    }

    /// <summary>The six-digit 行政区划代码 of a party registered in the directory (a town's code is cut to its county).</summary>
    public static string DivisionOf(OrganizationInfo organization) =>
        organization.RegionCode.Length >= 6 ? organization.RegionCode[..6] : organization.RegionCode.PadRight(6, '0');
}
