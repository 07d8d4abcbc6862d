using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Commissioners;

/// <summary>The audit log's names for the commissioners' tables and fields.</summary>
internal sealed class CommissionersAuditNames : IAuditVocabulary
{
    public int Order => 350;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("commissioners_commissioner", "科技特派员派驻"),
        new("commissioners_need", "需求摸底"),
        new("commissioners_project", "科技特派员项目"),
        new("commissioners_service", "科技特派员服务记录"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PersonId"] = "人员",
        ["Kind"] = "类型",
        ["Level"] = "层级",
        ["DispatchingUnitId"] = "派出单位",
        ["Industry"] = "产业",
        ["TermStart"] = "派驻开始日期",
        ["TermEnd"] = "派驻结束日期",
        ["AgreementSignedOn"] = "协议签订日期",
        ["SurveyedOn"] = "摸底日期",
        ["EnterpriseId"] = "企业",
        ["Need"] = "需求内容",
        ["Status"] = "对接状态",
        ["CommissionerId"] = "科技特派员",
        ["Year"] = "立项年度",
        ["Title"] = "项目名称",
        ["FundingFen"] = "资助经费（分）",
        ["Goals"] = "目标任务",
        ["Results"] = "实施成效",
        ["ServedOn"] = "服务日期",
        ["Place"] = "地点",
        ["Topic"] = "主题（内容）",
        ["Trainees"] = "参训人次",
        ["SignInNote"] = "签到表说明",
        ["VarietyName"] = "品种名称",
        ["Crop"] = "作物",
        ["Source"] = "品种来源",
        ["AreaMu"] = "推广面积（亩）",
        ["Campaign"] = "结对帮扶活动",
        ["ServedName"] = "服务对象",
        ["ConfirmationCode"] = "确认码",
        ["ConfirmedAt"] = "确认时间",
        ["ConfirmedBy"] = "确认人",
    };
}
