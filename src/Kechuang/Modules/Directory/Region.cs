using Kechuang.Platform.Data;

namespace Kechuang.Modules.Directory;

/// <summary>
/// 行政区划 (GB/T 2260; towns and zones extend the county code to nine digits). Reference data that the
/// application ships and loads at start-up; nobody edits it, so the audit log (a record of what people did) does
/// not follow it: a new database would otherwise open with thousands of entries that no one made.
/// </summary>
public sealed class Region : INotAudited
{
    private Region()
    {
    }

    public Region(string code, string name, string? parentCode, RegionLevel level)
    {
        Code = code;
        Name = name;
        ParentCode = parentCode;
        Level = level;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public RegionLevel Level { get; private set; }
}

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Town = 4,
}
