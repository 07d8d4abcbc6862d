using System.Security.Cryptography;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Commissioners;

/// <summary>One service record as the phone form, the API and the import send it: the kind decides which fields count.</summary>
public sealed record ServiceInput(Guid? CommissionerId, string? Kind, DateOnly? ServedOn, string? Place = null, string? Topic = null, int? Trainees = null,
    string? SignInNote = null, string? VarietyName = null, string? Crop = null, string? Source = null, decimal? AreaMu = null, string? Campaign = null,
    string? ServedName = null);

public static class ServiceRules
{
    public const int TextMax = 200;
    public const int NameMax = 50;
    public const int MaxTrainees = 1000;

    /// <summary>推广面积 above 10万亩 in one record is a typing error (the whole county promotes about 0.8万亩 a year).</summary>
    public const decimal MaxAreaMu = 100_000m;

    public const int CodeLength = 8;

    /// <summary>No 0/O, 1/I/L: a code read out over the phone must not be misheard.</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static readonly IReadOnlyDictionary<ServiceKind, string> KindNames = new Dictionary<ServiceKind, string>
    {
        [ServiceKind.Training] = "农业科技培训",
        [ServiceKind.VarietyIntroduction] = "引进新品种",
        [ServiceKind.PromotedArea] = "推广新品种面积",
        [ServiceKind.Visit] = "结对帮扶走访",
        [ServiceKind.TechnicalAssistance] = "技术帮扶",
    };

    public static readonly IReadOnlyDictionary<PairingCampaign, string> CampaignNames = new Dictionary<PairingCampaign, string>
    {
        [PairingCampaign.ThousandTeams] = "千团联千村",
        [PairingCampaign.HundredTeams] = "百团联百村",
    };

    public static ServiceFacts? Validate(ServiceInput input, DateOnly today, FieldErrors errors)
    {
        if (input.CommissionerId is null)
        {
            errors.Add("commissionerId", "请选择科技特派员");
        }
        var kind = errors.Enum("kind", "服务类型", input.Kind, KindNames);
        if (input.ServedOn is null)
        {
            errors.Add("servedOn", "请填写服务日期");
        }
        else if (input.ServedOn > today)
        {
            errors.Add("servedOn", "服务日期不能晚于今天");
        }
        string? place = null, topic = null, signIn = null, variety = null, crop = null, source = null, served = null;
        int? trainees = null;
        decimal? area = null;
        PairingCampaign? campaign = null;
        switch (kind)
        {
            case ServiceKind.Training:
                place = errors.Text("place", "培训地点", input.Place, TextMax);
                topic = errors.Text("topic", "培训主题", input.Topic, TextMax);
                if (input.Trainees is null)
                {
                    errors.Add("trainees", "请填写参训人次");
                }
                else if (input.Trainees is < 1 or > MaxTrainees)
                {
                    errors.Add("trainees", $"参训人次应在1至{MaxTrainees}之间");
                }
                trainees = input.Trainees;
                signIn = Optional(errors.Text("signInNote", "签到表说明", input.SignInNote, TextMax, required: false));
                break;
            case ServiceKind.VarietyIntroduction:
                variety = errors.Text("varietyName", "品种名称", input.VarietyName, NameMax);
                crop = errors.Text("crop", "作物", input.Crop, NameMax);
                source = Optional(errors.Text("source", "品种来源", input.Source, TextMax, required: false));
                place = Optional(errors.Text("place", "引种地点", input.Place, TextMax, required: false));
                break;
            case ServiceKind.PromotedArea:
                variety = errors.Text("varietyName", "推广品种", input.VarietyName, NameMax);
                crop = Optional(errors.Text("crop", "作物", input.Crop, NameMax, required: false));
                place = Optional(errors.Text("place", "推广地点", input.Place, TextMax, required: false));
                if (input.AreaMu is null)
                {
                    errors.Add("areaMu", "请填写推广面积（亩）");
                }
                else if (input.AreaMu <= 0)
                {
                    errors.Add("areaMu", "推广面积应大于0亩");
                }
                else if (input.AreaMu > MaxAreaMu)
                {
                    errors.Add("areaMu", "单条记录的推广面积不能超过10万亩，请检查单位（亩）");
                }
                else if (decimal.Round(input.AreaMu.Value, 2) != input.AreaMu)
                {
                    errors.Add("areaMu", "推广面积最多保留两位小数");
                }
                area = input.AreaMu;
                break;
            case ServiceKind.Visit:
                campaign = errors.Enum("campaign", "结对帮扶活动", input.Campaign, CampaignNames);
                served = errors.Text("servedName", "走访对象（农户或企业）", input.ServedName, NameMax);
                place = Optional(errors.Text("place", "走访地点", input.Place, TextMax, required: false));
                topic = Optional(errors.Text("topic", "走访内容", input.Topic, TextMax, required: false));
                break;
            case ServiceKind.TechnicalAssistance:
                campaign = errors.Enum("campaign", "结对帮扶活动", input.Campaign, CampaignNames, required: false);
                served = errors.Text("servedName", "帮扶对象（农户或企业）", input.ServedName, NameMax);
                topic = errors.Text("topic", "帮扶内容", input.Topic, TextMax);
                place = Optional(errors.Text("place", "帮扶地点", input.Place, TextMax, required: false));
                break;
        }
        return errors.Any
            ? null
            : new ServiceFacts(input.CommissionerId!.Value, kind!.Value, input.ServedOn!.Value, place, topic, trainees, signIn, variety, crop, source, area, campaign, served);
    }

    /// <summary>The fields each kind asks for, in the phone form's order (the form shows only these).</summary>
    public static IReadOnlyList<string> FieldsOf(ServiceKind kind) => kind switch
    {
        ServiceKind.Training => ["place", "topic", "trainees", "signInNote"],
        ServiceKind.VarietyIntroduction => ["varietyName", "crop", "source", "place"],
        ServiceKind.PromotedArea => ["varietyName", "crop", "areaMu", "place"],
        ServiceKind.Visit => ["campaign", "servedName", "place", "topic"],
        _ => ["campaign", "servedName", "topic", "place"],
    };

    /// <summary>A fresh confirmation code (8 of 31 characters: about 8.5×10¹¹ codes, enough against guessing by a signed-in account).</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// <summary>A code as typed (spaces, hyphens, lower case) in its stored form.</summary>
    public static string NormalizeCode(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();

    private static string? Optional(string value) => value.Length == 0 ? null : value;
}
