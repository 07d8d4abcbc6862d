using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Transfer;

/// <summary>The audit log's names for the technology-transfer tables and their fields.</summary>
internal sealed class TransferAuditNames : IAuditVocabulary
{
    public int Order => 400;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("transfer_station", "技术转移工作站"),
        new("transfer_assessment_scheme", "工作站考核办法"),
        new("transfer_station_assessment", "工作站年度考核"),
        new("transfer_station_payment", "工作站经费及奖励兑现"),
        new("transfer_event", "对接活动"),
        new("transfer_expert_attendance", "专家对接"),
        new("transfer_event_enterprise", "参加活动的企业"),
        new("transfer_demand_campaign", "需求征集"),
        new("transfer_demand", "企业需求"),
        new("transfer_cooperation", "校企合作"),
        new("transfer_institute_county_project", "院县科技合作项目"),
        new("transfer_key_lab", "重点实验室（产业研究院）"),
        new("transfer_key_lab_recognition", "实验室认定环节"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A demand's, a cooperation's and an event's title; without these the log would borrow another module's words (职称/职务, 办理状态).
        ["Title"] = "名称",
        ["Status"] = "状态",
        ["Note"] = "备注",
        ["InstitutionId"] = "院校",
        ["OpenedOn"] = "设立日期",
        ["Staff"] = "驻站人员",
        ["Contact"] = "联系方式",
        ["Year"] = "年度",
        ["ProjectsWeight"] = "合作项目每项分值",
        ["ProjectsCap"] = "合作项目封顶分",
        ["SignedAmountWeight"] = "签约金额每万元分值",
        ["SignedAmountCap"] = "签约金额封顶分",
        ["ActivitiesWeight"] = "对接活动每次分值",
        ["ActivitiesCap"] = "对接活动封顶分",
        ["VisitsWeight"] = "专家走访每人次分值",
        ["VisitsCap"] = "专家走访封顶分",
        ["AwardsWeight"] = "获奖荣誉每项分值",
        ["AwardsCap"] = "获奖荣誉封顶分",
        ["ExcellentFrom"] = "优秀最低分",
        ["GoodFrom"] = "良好最低分",
        ["PassFrom"] = "合格最低分",
        ["StationId"] = "工作站",
        ["SchemeId"] = "考核办法",
        ["Projects"] = "促成合作项目",
        ["SignedAmountFen"] = "合同签约金额（分）",
        ["Activities"] = "组织对接活动",
        ["Visits"] = "专家走访人次",
        ["Awards"] = "获奖荣誉",
        ["Score"] = "考核得分",
        ["Grade"] = "考核等次",
        ["AssessmentId"] = "年度考核",
        ["AmountFen"] = "金额（分）",
        ["PaidOn"] = "兑现日期",
        ["Mode"] = "活动形式",
        ["HeldOn"] = "活动日期",
        ["Place"] = "活动地点",
        ["Organizers"] = "主办（承办）单位",
        ["Summary"] = "活动简介",
        ["EventId"] = "对接活动",
        ["ExpertName"] = "专家姓名",
        ["StartsOn"] = "开始日期",
        ["EndsOn"] = "截止日期",
        ["Description"] = "需求内容",
        ["Field"] = "技术领域",
        ["BudgetFen"] = "预算金额（分）",
        ["Deadline"] = "需求截止日期",
        ["CollectedOn"] = "征集（登记）日期",
        ["CampaignId"] = "需求征集",
        ["PostedByEnterprise"] = "企业自行发布",
        ["SignedOn"] = "签约日期",
        ["DemandId"] = "来源需求",
        ["ContractId"] = "技术合同",
        ["EnterpriseId"] = "合作企业",
        ["ApprovedOn"] = "立项日期",
        ["IsMajor"] = "重大项目",
        ["FundingFen"] = "项目经费（分）",
        ["HostId"] = "依托单位",
        ["FoundedOn"] = "成立日期",
        ["KeyLabId"] = "实验室（研究院）",
        ["Step"] = "认定环节",
        ["On"] = "日期",
        ["Document"] = "名单或文件",
    };
}
