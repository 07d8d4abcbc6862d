using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

/// <summary>Chinese names of the module's enums (API values are their kebab-case identifiers).</summary>
public static class EnterpriseNames
{
    public static readonly IReadOnlyDictionary<QualificationKind, string> Qualifications = new Dictionary<QualificationKind, string>
    {
        [QualificationKind.TechSme] = "科技型中小企业",
        [QualificationKind.HighTechEnterprise] = "高新技术企业",
    };

    public static readonly IReadOnlyDictionary<RdInstitutionKind, string> RdKinds = new Dictionary<RdInstitutionKind, string>
    {
        [RdInstitutionKind.RdCenter] = "研发中心",
        [RdInstitutionKind.EnterpriseInstitute] = "企业研究院",
        [RdInstitutionKind.KeyEnterpriseInstitute] = "重点企业研究院",
        [RdInstitutionKind.KeyLab] = "重点实验室",
        [RdInstitutionKind.KeyAgriInstitute] = "重点农业企业研究院",
    };

    public static readonly IReadOnlyDictionary<Level, string> Levels = new Dictionary<Level, string>
    {
        [Level.County] = "县级",
        [Level.City] = "市级",
        [Level.Provincial] = "省级",
        [Level.National] = "国家级",
    };

    public static readonly IReadOnlyDictionary<IntellectualPropertyStatus, string> IpStatuses = new Dictionary<IntellectualPropertyStatus, string>
    {
        [IntellectualPropertyStatus.Applied] = "申请中",
        [IntellectualPropertyStatus.Granted] = "已授权",
        [IntellectualPropertyStatus.Lapsed] = "已失效",
    };

    public static readonly IReadOnlyDictionary<NominationResult, string> Results = new Dictionary<NominationResult, string>
    {
        [NominationResult.Pending] = "待评审",
        [NominationResult.Won] = "获奖",
        [NominationResult.NotWon] = "未获奖",
    };

    public static readonly IReadOnlyDictionary<ClaimStatus, string> ClaimStatuses = new Dictionary<ClaimStatus, string>
    {
        [ClaimStatus.Pending] = "待确认",
        [ClaimStatus.Confirmed] = "已确认",
        [ClaimStatus.Rejected] = "已驳回",
    };

    public static string Api<TEnum>(TEnum value) where TEnum : struct, Enum => Kebab.From(value);
}
