using Kechuang.Platform.Data;

namespace Kechuang.Modules.Commissioners;

/// <summary>服务记录的类型.</summary>
public enum ServiceKind
{
    /// <summary>农业科技培训.</summary>
    Training = 1,

    /// <summary>引进新品种 (one record per variety).</summary>
    VarietyIntroduction = 2,

    /// <summary>推广新品种面积, in 亩.</summary>
    PromotedArea = 3,

    /// <summary>结对帮扶走访.</summary>
    Visit = 4,

    /// <summary>技术帮扶.</summary>
    TechnicalAssistance = 5,
}

/// <summary>结对帮扶活动.</summary>
public enum PairingCampaign
{
    /// <summary>千团联千村.</summary>
    ThousandTeams = 1,

    /// <summary>百团联百村.</summary>
    HundredTeams = 2,
}

/// <summary>
/// 服务记录: one service a commissioner gave on one day. Visits and technical help carry a short confirmation code the
/// served farmer or enterprise gives back (<see cref="Confirm"/>); the record then counts as confirmed.
/// </summary>
public sealed class ServiceRecord : IRegionScoped
{
    private ServiceRecord()
    {
    }

    public ServiceRecord(ServiceFacts facts, string regionCode, string? confirmationCode, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        ConfirmationCode = confirmationCode;
        Update(facts, regionCode, now);
    }

    public Guid Id { get; private set; }
    public Guid CommissionerId { get; private set; }

    /// <summary>The commissioner's host town.</summary>
    public string RegionCode { get; private set; } = "";
    public ServiceKind Kind { get; private set; }
    public DateOnly ServedOn { get; private set; }

    /// <summary>地点 (a training's venue, the village visited).</summary>
    public string? Place { get; private set; }

    /// <summary>培训主题, or what the visit or help was about.</summary>
    public string? Topic { get; private set; }

    /// <summary>参训人次 as entered (a training only).</summary>
    public int? Trainees { get; private set; }

    /// <summary>签到表说明 (where the sign-in sheet is kept).</summary>
    public string? SignInNote { get; private set; }
    public string? VarietyName { get; private set; }
    public string? Crop { get; private set; }

    /// <summary>品种来源 (the breeder or institute).</summary>
    public string? Source { get; private set; }

    /// <summary>推广面积 in 亩, two decimals.</summary>
    public decimal? AreaMu { get; private set; }
    public PairingCampaign? Campaign { get; private set; }

    /// <summary>服务对象: the farmer or enterprise served.</summary>
    public string? ServedName { get; private set; }
    public string? ConfirmationCode { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool NeedsConfirmation => Kind is ServiceKind.Visit or ServiceKind.TechnicalAssistance;

    public void Update(ServiceFacts facts, string regionCode, DateTime now)
    {
        CommissionerId = facts.CommissionerId;
        RegionCode = regionCode;
        Kind = facts.Kind;
        ServedOn = facts.ServedOn;
        Place = facts.Place;
        Topic = facts.Topic;
        Trainees = facts.Trainees;
        SignInNote = facts.SignInNote;
        VarietyName = facts.VarietyName;
        Crop = facts.Crop;
        Source = facts.Source;
        AreaMu = facts.AreaMu;
        Campaign = facts.Campaign;
        ServedName = facts.ServedName;
        UpdatedAt = now;
    }

    public void Confirm(string by, DateTime now)
    {
        ConfirmedAt = now;
        ConfirmedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>A service record's validated facts; the fields that do not belong to its kind are null.</summary>
public sealed record ServiceFacts(Guid CommissionerId, ServiceKind Kind, DateOnly ServedOn, string? Place, string? Topic, int? Trainees, string? SignInNote,
    string? VarietyName, string? Crop, string? Source, decimal? AreaMu, PairingCampaign? Campaign, string? ServedName);
