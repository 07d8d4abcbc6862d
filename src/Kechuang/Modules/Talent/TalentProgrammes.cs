namespace Kechuang.Modules.Talent;

/// <summary>One talent programme the bureau recommends people for, with its level.</summary>
public sealed record TalentProgramme(string Name, TalentLevel Level);

/// <summary>
/// The programmes an application may name: <c>Talent:Programmes</c> in the configuration (each with <c>Name</c> and
/// <c>Level</c>: national, provincial or city) when set, else the list below. Programmes change names and open or close
/// rounds; the list is configuration, not code.
/// </summary>
public sealed class TalentProgrammes
{
    public static readonly IReadOnlyList<TalentProgramme> Defaults =
    [
        new("国家千人计划（国家海外高层次人才引进计划）", TalentLevel.National),
        new("国家万人计划（国家高层次人才特殊支持计划）", TalentLevel.National),
        new("浙江省海外高层次人才引进计划", TalentLevel.Provincial),
        new("浙江省“鲲鹏行动”计划", TalentLevel.Provincial),
        new("浙江省万人计划", TalentLevel.Provincial),
        new("金华市“双龙计划”", TalentLevel.City),
    ];

    public TalentProgrammes(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Talent:Programmes").GetChildren()
            .Select(s => (Name: s["Name"]?.Trim(), Level: s["Level"]?.Trim()))
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => new TalentProgramme(p.Name!, ParseLevel(p.Level)))
            .ToList();
        All = configured.Count > 0 ? configured : Defaults;
    }

    public TalentProgrammes(IReadOnlyList<TalentProgramme> programmes) => All = programmes;

    public IReadOnlyList<TalentProgramme> All { get; }

    public TalentProgramme? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : All.FirstOrDefault(p => p.Name == name.Trim());

    private static TalentLevel ParseLevel(string? level) => level?.ToLowerInvariant() switch
    {
        "national" or "国家级" => TalentLevel.National,
        "provincial" or "省级" => TalentLevel.Provincial,
        "city" or "市级" => TalentLevel.City,
        _ => throw new InvalidOperationException($"Talent:Programmes: level '{level}' is not national, provincial or city"),
    };
}
