using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Talent;

/// <summary>The audit log's names for the talent tables and their fields.</summary>
internal sealed class TalentAuditNames : IAuditVocabulary
{
    public int Order => 600;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("talent_application", "人才项目申报"),
        new("talent_phd", "百博入企博士档案"),
        new("talent_phd_demand", "企业博士需求"),
        new("talent_phd_recommendation", "百博入企推荐"),
        new("talent_introduction", "引进人才"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Programme"] = "人才项目",
        ["Level"] = "项目级别",
        ["PersonId"] = "人员",
        ["EmployerId"] = "单位",
        ["Year"] = "年度",
        ["RecommendedOn"] = "推荐日期",
        ["Result"] = "评审结果",
        ["DecidedOn"] = "结果日期",
        ["Note"] = "备注",
        ["InstitutionId"] = "所在高校院所",
        ["Discipline"] = "学科专业",
        ["TechFields"] = "技术领域",
        ["Phone"] = "联系电话",
        ["EnterpriseId"] = "企业",
        ["Headcount"] = "需求人数",
        ["Description"] = "需求说明",
        ["PhdId"] = "博士",
        ["DemandId"] = "博士需求",
        ["ReportedOn"] = "上报日期",
        ["StartedOn"] = "入企日期",
        ["EndedOn"] = "离企日期",
        ["Degree"] = "学历层次",
        ["IntroducedOn"] = "引进日期",
    };
}
