using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Transfer.Pages;

/// <summary>Pick lists of the technology-transfer pages, in Chinese.</summary>
internal static class TransferChoices
{
    public static readonly IReadOnlyList<SelectOption> DemandKinds = Of(DemandRules.KindNames);
    public static readonly IReadOnlyList<SelectOption> DemandStatuses = Of(DemandRules.StatusNames);
    public static readonly IReadOnlyList<SelectOption> CooperationKinds = Of(CooperationRules.KindNames);
    public static readonly IReadOnlyList<SelectOption> EventModes = Of(EventRules.ModeNames);
    public static readonly IReadOnlyList<SelectOption> PaymentKinds = Of(AssessmentRules.PaymentKindNames);

    public static IReadOnlyList<SelectOption> Of<TEnum>(IReadOnlyDictionary<TEnum, string> names) where TEnum : struct, Enum =>
        names.Select(n => new SelectOption(Kebab.From(n.Key), n.Value)).ToList();

    public static List<SelectOption> Organizations(IEnumerable<OrganizationInfo> organizations) =>
        organizations.Select(o => new SelectOption(o.Id.ToString(), o.Name)).ToList();

    public static List<SelectOption> Pairs(IEnumerable<(Guid Id, string Name)> rows) => rows.Select(r => new SelectOption(r.Id.ToString(), r.Name)).ToList();

    public static AntDesign.BadgeStatus StatusColor(string status) => status switch
    {
        "open" => AntDesign.BadgeStatus.Processing,
        "matched" => AntDesign.BadgeStatus.Warning,
        "cooperating" => AntDesign.BadgeStatus.Success,
        _ => AntDesign.BadgeStatus.Default,
    };

    public static string GradeColor(string grade) => grade switch
    {
        "excellent" => "green",
        "good" => "blue",
        "pass" => "orange",
        _ => "red",
    };

    public static readonly IReadOnlyList<SelectOption> KeyLabKinds = Of(KeyLabRules.KindNames);
    public static readonly IReadOnlyList<SelectOption> RecognitionSteps = Of(KeyLabRules.StepNames);
    public static readonly IReadOnlyList<SelectOption> RecognitionLevels = Of(KeyLabRules.LevelNames);

    /// <summary>Adds a record's own choice when today's list lacks it (an organisation since moved out of the scope), so the form still shows it.</summary>
    public static void Keep(List<SelectOption> options, Guid id, string name)
    {
        if (options.All(o => o.Value != id.ToString()))
        {
            options.Add(new SelectOption(id.ToString(), name));
        }
    }

    public static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
