using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>合作方式.</summary>
public enum CooperationKind
{
    /// <summary>委托开发.</summary>
    CommissionedDevelopment = 1,

    /// <summary>合作开发.</summary>
    JointDevelopment = 2,

    /// <summary>技术转让（许可）.</summary>
    Transfer = 3,

    /// <summary>共建平台（研发中心、实验室）.</summary>
    JointPlatform = 4,

    /// <summary>人才合作（柔性引才、博士入企）.</summary>
    TalentCooperation = 5,

    /// <summary>技术咨询、服务.</summary>
    Consulting = 6,
}

/// <summary>
/// 校企合作: an agreement between an enterprise of the county and a university or institute, with where it came from (a
/// demand, an event, a station) and, once registered, the technology contract it led to. It belongs to the enterprise.
/// </summary>
public sealed class Cooperation : IOrganizationScoped
{
    private Cooperation()
    {
    }

    public Cooperation(CooperationFacts facts, string regionCode, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, regionCode, now);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The enterprise party.</summary>
    public Guid? OrganizationId { get; private set; }
    public Guid InstitutionId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public CooperationKind Kind { get; private set; }
    public long? AmountFen { get; private set; }

    /// <summary>签约日期: the day counted by transfer.cooperations.</summary>
    public DateOnly SignedOn { get; private set; }
    public Guid? DemandId { get; private set; }
    public Guid? EventId { get; private set; }
    public Guid? StationId { get; private set; }

    /// <summary>The registered technology contract (Contracts module), once there is one.</summary>
    public Guid? ContractId { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(CooperationFacts facts, string regionCode, DateTime now)
    {
        Title = facts.Title;
        OrganizationId = facts.EnterpriseId;
        InstitutionId = facts.InstitutionId;
        RegionCode = regionCode;
        Kind = facts.Kind;
        AmountFen = facts.AmountFen;
        SignedOn = facts.SignedOn;
        DemandId = facts.DemandId;
        EventId = facts.EventId;
        StationId = facts.StationId;
        ContractId = facts.ContractId;
        Note = facts.Note;
        UpdatedAt = now;
    }
}

public sealed record CooperationFacts(string Title, Guid EnterpriseId, Guid InstitutionId, CooperationKind Kind, long? AmountFen, DateOnly SignedOn,
    Guid? DemandId, Guid? EventId, Guid? StationId, Guid? ContractId, string? Note);

/// <summary>A cooperation as the form, the API and the import send it; the amount in 元.</summary>
public sealed record CooperationInput(string? Title, Guid? EnterpriseId, Guid? InstitutionId, string? Kind, decimal? Amount, DateOnly? SignedOn,
    Guid? DemandId = null, Guid? EventId = null, Guid? StationId = null, Guid? ContractId = null, string? Note = null);

public static class CooperationRules
{
    public const int TitleMax = 100;
    public const int NoteMax = 500;

    public static readonly IReadOnlyDictionary<CooperationKind, string> KindNames = new Dictionary<CooperationKind, string>
    {
        [CooperationKind.CommissionedDevelopment] = "委托开发",
        [CooperationKind.JointDevelopment] = "合作开发",
        [CooperationKind.Transfer] = "技术转让",
        [CooperationKind.JointPlatform] = "共建平台",
        [CooperationKind.TalentCooperation] = "人才合作",
        [CooperationKind.Consulting] = "技术咨询服务",
    };

    public static CooperationFacts? Validate(CooperationInput input, DateOnly today, FieldErrors errors)
    {
        var title = errors.Text("title", "合作项目名称", input.Title, TitleMax);
        if (input.EnterpriseId is null)
        {
            errors.Add("enterpriseId", "请选择合作企业");
        }
        if (input.InstitutionId is null)
        {
            errors.Add("institutionId", "请选择合作院校");
        }
        var kind = errors.Enum("kind", "合作方式", input.Kind, KindNames);
        var amount = TransferText.Amount(input.Amount, "amount", "合作金额", false, errors);
        if (input.SignedOn is null)
        {
            errors.Add("signedOn", "请填写签约日期");
        }
        else if (input.SignedOn > today)
        {
            errors.Add("signedOn", "签约日期不能晚于今天");
        }
        var note = errors.Text("note", "合作内容", input.Note, NoteMax, required: false);
        return errors.Any ? null : new CooperationFacts(title, input.EnterpriseId!.Value, input.InstitutionId!.Value, kind!.Value, amount, input.SignedOn!.Value,
            input.DemandId, input.EventId, input.StationId, input.ContractId, TransferText.OrNull(note));
    }

    /// <summary>A cooperation comes from a demand of the same enterprise that is not closed.</summary>
    public static RuleException? CheckDemand(DemandStatus status) =>
        status == DemandStatus.Closed ? new RuleException("transfer.demand-closed", "需求已关闭，不能再登记由其达成的合作") : null;

    public static RuleException ContractLinked() => new("transfer.contract-linked", "该技术合同已关联其他合作项目");
}
