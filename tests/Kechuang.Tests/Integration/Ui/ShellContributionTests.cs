using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kechuang.Platform.Ui;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kechuang.Tests.Integration.Ui;

/// <summary>
/// The menu, the home page's shortcuts, the sign-in page's public links and the audit log's names are composed from
/// what the modules contribute; composed, they are exactly what the shell listed itself before it named no module.
/// </summary>
public sealed partial class ShellContributionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Key, link, Chinese title, English title; groups first, each followed by its entries.</summary>
    private static readonly (string Section, string SectionZh, string SectionEn, (string Key, string Link, string Zh, string En)[] Items)[] Menu =
    [
        ("directory", "组织与人员", "Directory", [("organizations", "/directory/organizations", "组织名录", "Organisations"), ("people", "/directory/people", "人员名录", "People")]),
        ("carriers", "创新载体", "Innovation carriers", [("carrier-list", "/carriers", "载体名录", "Carriers"), ("park-tech-smes", "/carriers/park-tech-smes", "园区科小企业", "Park tech SMEs"),
            ("parcels", "/parcels", "土地地块", "Land parcels"), ("projects", "/construction-projects", "建设项目", "Construction projects")]),
        ("commissioners", "科技特派员", "S&T commissioners",
            [("commissioner-list", "/commissioners", "特派员名录", "Commissioners"), ("commissioner-service", "/commissioners/services/new", "登记服务记录", "Record a service"),
             ("commissioner-services", "/commissioners/services", "服务记录", "Service records"), ("commissioner-projects", "/commissioners/projects", "特派员项目", "Commissioner projects"),
             ("commissioner-needs", "/commissioners/needs", "需求摸底", "Needs surveys")]),
        ("enterprises", "企业培育", "Enterprise cultivation",
            [("enterprise-list", "/enterprises", "企业档案", "Enterprises"), ("evaluate", "/enterprises/evaluate", "科小/高企自评", "Self-assessment"), ("cultivation", "/cultivation", "梯次培育筛查", "Cultivation screening"),
             ("claims", "/enterprises/claims", "资质奖项申报", "Certificate and award claims")]),
        ("contracts", "技术合同登记", "Technology contracts", [("contract-list", "/contracts", "合同登记台账", "Contract register"), ("contract-new", "/contracts/new", "登记新合同", "New contract"),
            ("contract-statistics", "/contracts/statistics", "技术市场统计", "Market statistics"), ("contract-points", "/contracts/registration-points", "合同登记点", "Registration points")]),
        ("transfer", "技术转移", "Technology transfer",
            [("transfer-demands", "/transfer/demands", "企业需求", "Demands"), ("transfer-cooperations", "/transfer/cooperations", "校企合作", "Cooperations"),
             ("transfer-events", "/transfer/events", "对接活动", "Matchmaking events"), ("transfer-stations", "/transfer/stations", "技术转移工作站", "Transfer stations"),
             ("transfer-projects", "/transfer/projects", "院县合作项目", "Institute–county projects"), ("transfer-key-labs", "/transfer/key-labs", "实验室与研究院", "Key labs and institutes")]),
        ("talent", "人才工作", "Talent",
            [("talent-applications", "/talent/applications", "人才项目申报", "Talent applications"),
             ("talent-phd-recommendations", "/talent/phd-recommendations", "百博入企推荐", "PhD recommendations"),
             ("talent-phds", "/talent/phds", "百博入企博士库", "PhD profiles"), ("talent-phd-demands", "/talent/phd-demands", "企业博士需求", "PhD demands"),
             ("talent-introductions", "/talent/introductions", "引进人才", "Introduced talents")]),
        ("programs", "科技计划", "S&T plan projects",
            [("program-calls", "/programs/calls", "申报通知", "Calls"), ("program-applications", "/programs/applications", "项目申报", "Applications"),
             ("program-reviews", "/programs/reviews", "我的评审", "My reviews")]),
        ("events", "活动与宣传", "Events and press",
            [("event-list", "/events", "主题活动", "Theme events"), ("media-reports", "/events/media-reports", "媒体报道", "Media reports")]),
        ("matching", "匹配推荐", "Matching", [("matching-thesaurus", "/matching/thesaurus", "同义词与领域词库", "Synonyms and domain words")]),
        ("suggestions", "建议办理", "Suggestions", [("suggestion-list", "/suggestions", "人大代表建议", "Deputies' suggestions")]),
        ("market", "成果交易", "Achievement market", [("achievements", "/market/achievements", "科技成果", "Achievements"), ("auctions", "/market/auctions", "拍卖会", "Auctions")]),
        ("performance", "目标与指标", "Targets & indicators", [("targets", "/indicators/targets", "目标完成情况", "Target completion"), ("compare", "/indicators/compare", "地区对比", "Compare regions")]),
        ("system", "系统管理", "Administration", [("accounts", "/admin/accounts", "账号管理", "Accounts"), ("audit", "/admin/audit", "审计日志", "Audit log")]),
    ];

    [Fact]
    public void Menu_ComposedFromModules_IsTheShellsMenuInBothLanguages()
    {
        var catalog = app.Services.GetRequiredService<NavCatalog>();
        var strings = app.Services.GetRequiredService<IStringLocalizerFactory>();

        foreach (var (culture, zh) in new[] { ("zh-CN", true), ("en", false) })
        {
            var actual = InCulture(culture, () => catalog.Existing().Select(s =>
                (s.Key, strings.Create(s.Strings)[s.TitleKey].Value, s.Items.Select(i => (i.Key, i.Link, strings.Create(s.Strings)[i.TitleKey].Value)).ToList())).ToList());

            var expected = Menu.Select(s => (s.Section, zh ? s.SectionZh : s.SectionEn, s.Items.Select(i => (i.Key, i.Link, zh ? i.Zh : i.En)).ToList())).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Item1, actual[i].Key);
                Assert.Equal(expected[i].Item2, actual[i].Value);
                Assert.Equal(expected[i].Item3, actual[i].Item3);
            }
        }
        Assert.Equal([null, null, null, null, null, null, null, null, null, "staff", "staff", null, "staff", "administrators"], catalog.Existing().Select(s => s.Policy));
        Assert.Equal(["park-tech-smes", "commissioner-service", "cultivation"], catalog.Existing().SelectMany(s => s.Items).Where(i => i.Policy == "staff").Select(i => i.Key));
        Assert.Equal(["claims"], catalog.Existing().SelectMany(s => s.Items).Where(i => i.Policy == "staff-and-enterprises").Select(i => i.Key));
    }

    [Fact]
    public async Task HomePage_OfTheAdministrator_ShowsTheWholeMenuAndEveryShortcutInOrder()
    {
        var admin = await app.ClientAsync("admin");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));

        var menu = html[html.IndexOf("id=\"main-menu\"", StringComparison.Ordinal)..html.IndexOf("href=\"/scalar/v1\"", StringComparison.Ordinal)];
        // The audit log is the audit administrator's alone (separation of duties), and 我的评审 opens only for experts (its
        // page serves the scoring row): the city administrator sees the rest.
        var items = Menu.Select(s => (s.SectionZh, Items: s.Items.Where(i => i.Key is not ("audit" or "program-reviews")).ToList())).ToList();
        Assert.Equal(["/", .. items.SelectMany(s => s.Items).Select(i => i.Link)], Href().Matches(menu).Select(m => m.Groups[1].Value));
        var titles = items.SelectMany(s => new[] { s.SectionZh }.Concat(s.Items.Select(i => i.Zh))).ToList();
        Assert.Equal(titles, titles.OrderBy(t => menu.IndexOf(">" + t + "<", StringComparison.Ordinal)));
        Assert.DoesNotContain(titles, t => !menu.Contains(">" + t + "<", StringComparison.Ordinal));

        var shortcuts = QuickLink().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(
            [("/directory/organizations/new", "新增组织"), ("/directory/organizations", "组织名录"), ("/directory/people/new", "新增人员"),
             ("/directory/people", "人员名录"), ("/admin/accounts", "账号管理")],
            shortcuts);
        Assert.DoesNotContain("/admin/audit", menu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_OffersAFormOnlyToTheRolesOfItsPermissionRow()
    {
        async Task<string> MenuAsync(string account)
        {
            var html = WebUtility.HtmlDecode(await (await app.ClientAsync(account)).GetStringAsync("/"));
            return html[html.IndexOf("id=\"main-menu\"", StringComparison.Ordinal)..html.IndexOf("href=\"/scalar/v1\"", StringComparison.Ordinal)];
        }

        var expert = await MenuAsync("expert.chen");
        var staff = await MenuAsync("wuyi.staff");
        var enterprise = await MenuAsync("shouxiangu");

        // 我的评审 (the experts' scoring) and 登记新合同 (staff and organisations) follow their rows; the lists stay for all.
        Assert.Contains("href=\"/programs/reviews\"", expert, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/programs/reviews\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/contracts/new\"", expert, StringComparison.Ordinal);
        Assert.Contains("href=\"/contracts/new\"", enterprise, StringComparison.Ordinal);
        Assert.Contains("href=\"/contracts\"", expert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_OfCountyStaff_HasNoAdministrationInMenuOrShortcuts()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/"));

        Assert.Contains(">目标与指标<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">系统管理<", html, StringComparison.Ordinal);
        Assert.Equal(4, QuickLink().Count(html));
        Assert.Contains("数据范围：武义县", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_LinksTheMarketsPublicPages()
    {
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));

        Assert.Contains("无需登录即可查看：<a href=\"/market/achievements\">科技成果</a> · <a href=\"/market/auctions\">拍卖会</a></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditNames_ComposedFromModules_AreTheAuditLogsNames()
    {
        var names = app.Services.GetRequiredService<AuditNames>();

        Assert.Equal(
            [("access_account", "账号"), ("directory_organization", "组织"), ("directory_person", "人员"), ("directory_region", "行政区划"),
             ("contracts_contract", "技术合同"), ("contracts_transition", "合同办理记录"), ("contracts_import", "合同导入批次"),
             ("contracts_attachment", "合同附件"), ("contracts_registration_point", "合同登记点"),
             ("carriers_carrier", "创新载体"), ("carriers_unit", "载体单元"), ("carriers_tenancy", "入驻记录"), ("carriers_tenancy_unit", "入驻单元"),
             ("carriers_parcel", "土地地块"), ("carriers_parcel_step", "地块审批环节"), ("carriers_project", "建设项目"),
             ("carriers_project_milestone", "项目里程碑"), ("carriers_progress_report", "工程形象进度"), ("carriers_payment", "载体资金记录"),
             ("commissioners_commissioner", "科技特派员派驻"), ("commissioners_need", "需求摸底"), ("commissioners_project", "科技特派员项目"),
             ("commissioners_service", "科技特派员服务记录"),
             ("transfer_station", "技术转移工作站"), ("transfer_assessment_scheme", "工作站考核办法"), ("transfer_station_assessment", "工作站年度考核"),
             ("transfer_station_payment", "工作站经费及奖励兑现"), ("transfer_event", "对接活动"), ("transfer_expert_attendance", "专家对接"),
             ("transfer_event_enterprise", "参加活动的企业"), ("transfer_demand_campaign", "需求征集"), ("transfer_demand", "企业需求"),
             ("transfer_cooperation", "校企合作"), ("transfer_institute_county_project", "院县科技合作项目"), ("transfer_key_lab", "重点实验室（产业研究院）"),
             ("transfer_key_lab_recognition", "实验室认定环节"),
             ("talent_application", "人才项目申报"), ("talent_phd", "百博入企博士档案"), ("talent_phd_demand", "企业博士需求"),
             ("talent_phd_recommendation", "百博入企推荐"), ("talent_introduction", "引进人才"),
             ("events_event", "主题活动"), ("events_media_report", "媒体报道"),
             ("programs_call", "申报通知"), ("programs_application", "科技计划项目申报"), ("programs_review_assignment", "评审分配"),
             ("programs_objection", "公示异议"), ("programs_transition", "项目办理记录"),
             ("matching_synonym", "同义词组"), ("matching_word", "领域词"), ("matching_feedback", "匹配反馈"),
             ("suggestions_suggestion", "人大代表建议"), ("suggestions_co_handler", "会办单位"), ("suggestions_contact", "与代表面商"),
             ("suggestions_step", "建议办理过程"), ("suggestions_reply_template", "答复函模板"), ("suggestions_reply_version", "答复函版本"),
             ("audit_entry", "审计日志")],
            names.Entities.Select(e => (e.Key, e.Value)));
        Assert.Equal(
            [("create", "新增"), ("update", "修改"), ("delete", "删除"), ("export", "导出"), ("sign-in", "登录成功"), ("sign-in-failure", "登录失败"),
             ("sign-in-locked", "锁定期间尝试登录"), ("sign-in-throttled", "登录过于频繁（限速）"), ("lockout", "账号锁定"), ("sign-out", "退出登录"),
             ("unlock", "解锁"), ("password-reset", "重置密码"), ("password-change", "修改密码"), ("second-factor-enrol", "绑定动态口令"),
             ("second-factor-reset", "重置动态口令"), ("recovery-code-used", "使用恢复码")],
            names.Actions.Select(a => (a.Key, a.Value)));
        var fields = new Dictionary<string, string>
        {
            ["Id"] = "标识",
            ["Name"] = "名称",
            ["Kind"] = "类型",
            ["CreditCode"] = "统一社会信用代码",
            ["RegionCode"] = "行政区划代码",
            ["Address"] = "地址",
            ["ContactName"] = "联系人",
            ["ContactPhone"] = "联系电话",
            ["IsSharedWithAll"] = "全市可见",
            ["OrganizationId"] = "所属组织",
            ["Title"] = "职称/职务",
            ["Fields"] = "专业领域",
            ["Phone"] = "联系电话",
            ["IdNumber"] = "身份证号码",
            ["UserName"] = "用户名",
            ["DisplayName"] = "姓名",
            ["Role"] = "角色",
            ["Disabled"] = "已停用",
            ["FailedSignIns"] = "连续失败次数",
            ["LockedUntil"] = "锁定截止",
            ["MustChangePassword"] = "须修改密码",
            ["PasswordChangedAt"] = "密码修改时间",
            ["PasswordHash"] = "密码（哈希）",
            ["LastSignInAt"] = "最近登录时间",
            ["CreatedAt"] = "创建时间",
            ["UpdatedAt"] = "更新时间",
            ["reason"] = "原因",
            ["rows"] = "行数",
            ["failures"] = "失败次数",
            ["until"] = "截至",
        };
        // Every table shows every field by the same name, as when the shell held one list; a contract's, a project's, an event's, a demand's, a plan application's and a suggestion's Title is its own.
        string[] ownTitles = ["contracts_", "commissioners_", "events_", "transfer_", "suggestions_", "programs_"];
        foreach (var entity in names.Entities.Select(e => e.Key))
        {
            var own = ownTitles.Any(p => entity.StartsWith(p, StringComparison.Ordinal));
            Assert.All(fields.Where(f => !own || f.Key != "Title"), f => Assert.Equal(f.Value, names.Field(entity, f.Key)));
        }
        Assert.Equal("合同名称", names.Field("contracts_contract", "Title"));
        Assert.Equal("项目名称", names.Field("commissioners_project", "Title"));
        Assert.Equal("标题", names.Field("events_media_report", "Title"));
        Assert.Equal("名称", names.Field("transfer_demand", "Title"));
        Assert.Equal("状态", names.Field("transfer_demand", "Status"));
        Assert.Equal("学科专业", names.Field("talent_phd", "Discipline"));
        Assert.Equal("职称/职务", names.Field("directory_person", "Title"));
        Assert.Equal("登记点编号", names.Field("contracts_registration_point", "Code"));
        Assert.Equal("NameInitials", names.Field("directory_organization", "NameInitials"));
        Assert.Equal("交付日期", names.Field("carriers_unit", "AvailableFrom"));
        Assert.Equal("形象进度（%）", names.Field("carriers_progress_report", "Percent"));
    }

    private static T InCulture<T>(string culture, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<a class=\"kc-quick-link\" href=\"([^\"]*)\">.*?<span>([^<]*)</span></a>", RegexOptions.Singleline)]
    private static partial Regex QuickLink();
}
