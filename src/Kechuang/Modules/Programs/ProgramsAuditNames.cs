using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Programs;

/// <summary>The audit log's names for the plan-project tables and their fields.</summary>
internal sealed class ProgramsAuditNames : IAuditVocabulary
{
    public int Order => 670;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("programs_call", "申报通知"),
        new("programs_application", "科技计划项目申报"),
        new("programs_review_assignment", "评审分配"),
        new("programs_objection", "公示异议"),
        new("programs_transition", "项目办理记录"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Level"] = "计划层级",
        ["Year"] = "年度",
        ["Category"] = "项目类别",
        ["OpensOn"] = "申报开始日期",
        ["ClosesOn"] = "申报截止日期",
        ["Guide"] = "申报指南",
        ["DropHighLow"] = "去掉最高分和最低分",
        ["NoticeDays"] = "公示天数",
        ["Criteria"] = "评审指标",
        ["CallId"] = "申报通知",
        ["Leader"] = "项目负责人",
        ["Team"] = "项目组成员",
        ["OwnFundsFen"] = "自筹经费（分）",
        ["RequestedFundsFen"] = "申请经费（分）",
        ["Documents"] = "申报材料",
        ["Status"] = "状态",
        ["SubmittedOn"] = "申报日期",
        ["SourceApplicationId"] = "推荐来源",
        ["CheckedOn"] = "形式审查日期",
        ["CheckNote"] = "形式审查意见",
        ["Score"] = "评审得分",
        ["ReviewedOn"] = "评审完成日期",
        ["RecommendedOn"] = "推荐日期",
        ["RecommendedToCallId"] = "推荐到的申报通知",
        ["NoticeStartsOn"] = "公示开始日期",
        ["NoticeEndsOn"] = "公示截止日期",
        ["DecidedOn"] = "立项决定日期",
        ["ApprovedFundsFen"] = "资助经费（分）",
        ["ContractSignedOn"] = "任务书签订日期",
        ["StartOn"] = "实施开始日期",
        ["EndOn"] = "实施结束日期",
        ["Milestones"] = "任务节点",
        ["MidtermOn"] = "中期检查日期",
        ["MidtermResult"] = "中期检查结论",
        ["OriginalEndOn"] = "延期前结束日期",
        ["ExtensionMonths"] = "延期月数",
        ["AcceptanceRequestedOn"] = "验收申请日期",
        ["AcceptedOn"] = "验收日期",
        ["AcceptanceNote"] = "验收意见",
        ["Grade"] = "绩效评价等级",
        ["GradedOn"] = "绩效评价日期",
        ["ApplicationId"] = "项目申报",
        ["ReviewerId"] = "评审专家账号",
        ["ReviewerName"] = "评审专家",
        ["AssignedAt"] = "指派时间",
        ["Conflict"] = "声明回避",
        ["ConflictReason"] = "回避原因",
        ["Points"] = "各指标得分",
        ["Total"] = "总分",
        ["Comment"] = "评审意见",
        ["ScoredAt"] = "评分时间",
        ["ReceivedOn"] = "收到日期",
        ["Content"] = "异议内容",
        ["Upheld"] = "异议成立",
        ["Resolution"] = "处理意见",
        ["ResolvedOn"] = "处理日期",
        ["From"] = "原状态",
        ["To"] = "新状态",
        ["Action"] = "办理事项",
        ["OnDay"] = "办理日期",
        ["Actor"] = "办理人",
        ["Note"] = "说明",
        ["Title"] = "名称",
        ["At"] = "记录时间",
        ["Steps"] = "办理记录数",
        ["Seq"] = "序号",
    };
}
