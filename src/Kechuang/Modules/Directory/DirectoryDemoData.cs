using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Demo;
using Microsoft.AspNetCore.Identity;

namespace Kechuang.Modules.Directory;

/// <summary>Organisations and people the other modules' demo records refer to (by credit code or name).</summary>
public sealed class DirectoryDemoData(IPasswordHasher<Account> hasher) : IDemoData
{
    public int Order => 10;

    /// <summary>(name, kind, region, address) — numbered in order for their demo credit codes.</summary>
    internal static readonly (string Name, OrganizationKind Kind, string Region, string Address)[] Organizations =
    [
        ("金华市科学技术局", OrganizationKind.Government, "330702", "金华市婺城区双龙南街858号"),
        ("武义县科学技术局", OrganizationKind.Government, "330723002", "武义县熟溪街道温泉中路"),
        ("磐安县科学技术局", OrganizationKind.Government, "330727001", "磐安县安文街道"),
        ("浙江寿仙谷医药股份有限公司", OrganizationKind.Enterprise, "330723401", "武义县壶山街道商城路10号"),
        ("浙江科兴电动工具检测有限公司", OrganizationKind.Enterprise, "330723401", "武义经济开发区科技城"),
        ("武义县恒达电动工具有限公司", OrganizationKind.Enterprise, "330723101", "武义县桐琴镇工业区"),
        ("浙江泉溪五金制品有限公司", OrganizationKind.Enterprise, "330723102", "武义县泉溪镇"),
        ("武义网易联合创新中心运营有限公司", OrganizationKind.Operator, "330723401", "武义县科技城研发总部7#楼"),
        ("磐安县本草中药饮片有限公司", OrganizationKind.Enterprise, "330727101", "磐安县尖山镇中药材市场"),
        ("浙江大学", OrganizationKind.Institution, "330106", "杭州市西湖区余杭塘路866号"),
        ("浙江工业大学", OrganizationKind.Institution, "330106", "杭州市西湖区留和路288号"),
        ("中国计量大学", OrganizationKind.Institution, "330100", "杭州市钱塘区学源街258号"),
        ("浙江师范大学", OrganizationKind.Institution, "330702", "金华市婺城区迎宾大道688号"),
        ("浙江农林大学", OrganizationKind.Institution, "330110", "杭州市临安区武肃街666号"),
        ("浙江理工大学", OrganizationKind.Institution, "330100", "杭州市钱塘区2号大街928号"),
        ("武义县科技创新服务中心", OrganizationKind.Service, "330723002", "武义县熟溪街道"),
    ];

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var byName = new Dictionary<string, Organization>();
        for (var i = 0; i < Organizations.Length; i++)
        {
            var (name, kind, region, address) = Organizations[i];
            var organization = new Organization(name, kind, DemoCodes.CreditCode(region, i + 1), region, address, null, null, db.UtcNow);
            byName[name] = organization;
            db.Add(organization);
        }
        byName["金华市科学技术局"].Update("金华市科学技术局", OrganizationKind.Government, byName["金华市科学技术局"].CreditCode, "330702",
            "金华市婺城区双龙南街858号", "马苏娟", "82270195", db.UtcNow);

        (string Name, PersonKind Kind, string Org, string Title, string Fields, string Phone, DateOnly Birth)[] people =
        [
            ("马苏娟", PersonKind.Contact, "金华市科学技术局", "科员", "成果转化", "82270195", new DateOnly(1988, 3, 12)),
            ("王建华", PersonKind.Expert, "浙江大学", "教授", "智能装备；电机控制", "13857901234", new DateOnly(1970, 5, 2)),
            ("李晓梅", PersonKind.Expert, "浙江工业大学", "研究员", "先进制造；表面处理", "13967905678", new DateOnly(1975, 11, 20)),
            ("陈志刚", PersonKind.Commissioner, "浙江农林大学", "副教授", "食用菌栽培；中药材种植", "13605791122", new DateOnly(1978, 8, 8)),
            ("周丽娟", PersonKind.Commissioner, "浙江师范大学", "副研究员", "茶叶加工；农产品电商", "15857993344", new DateOnly(1983, 1, 30)),
            ("赵博文", PersonKind.Phd, "浙江理工大学", "博士", "新材料；纺织复合材料", "18767905566", new DateOnly(1992, 6, 15)),
            ("钱海峰", PersonKind.Contact, "浙江寿仙谷医药股份有限公司", "研发部经理", "灵芝孢子粉", "13735797788", new DateOnly(1980, 4, 4)),
            ("孙明", PersonKind.Contact, "磐安县本草中药饮片有限公司", "总经理", "中药饮片", "13575799900", new DateOnly(1979, 9, 9)),
        ];
        var sequence = 11;
        var persons = new Dictionary<string, Person>();
        foreach (var p in people)
        {
            var org = byName[p.Org];
            var region = org.IsSharedWithAll ? (p.Kind is PersonKind.Commissioner or PersonKind.Expert or PersonKind.Phd ? "330723" : "330700") : org.RegionCode;
            var person = new Person(p.Name, p.Kind, org.Id, region, p.Title, p.Fields, p.Phone, DemoCodes.IdNumber("330723", p.Birth, sequence += 2), db.UtcNow);
            persons[p.Name] = person;
            db.Add(person);
        }

        // One account for every role, including county staff of 武义县 and of 磐安县, and two 专家 beside the 科技特派员 (plan-project reviewers).
        (string UserName, string Display, Role Role, string Region, string? Org, string? Person)[] accounts =
        [
            ("city.staff", "市科技局 工作人员", Role.CityStaff, "330700", null, null),
            ("wuyi.staff", "武义县科技局 工作人员", Role.CountyStaff, "330723", null, null),
            ("panan.staff", "磐安县科技局 工作人员", Role.CountyStaff, "330727", null, null),
            ("shouxiangu", "寿仙谷 企业用户", Role.Enterprise, "330723", "浙江寿仙谷医药股份有限公司", null),
            ("zjnu", "浙江师范大学 院所用户", Role.Institution, "330702", "浙江师范大学", null),
            ("expert.chen", "陈志刚（科技特派员）", Role.Expert, "330723", null, "陈志刚"),
            ("expert.wang", "王建华（专家）", Role.Expert, "330700", null, "王建华"),
            ("expert.li", "李晓梅（专家）", Role.Expert, "330723", null, "李晓梅"),
        ];
        foreach (var a in accounts)
        {
            var account = new Account(a.UserName, a.Display, a.Role, a.Region, a.Org is null ? null : byName[a.Org].Id, "", context.MustChangePassword, db.UtcNow);
            account.SetPassword(hasher.HashPassword(account, context.Password), context.MustChangePassword, db.UtcNow);
            db.Add(account);
            if (a.Person is { } name)
            {
                persons[name].LinkAccount(account.Id, db.UtcNow);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
