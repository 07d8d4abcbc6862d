using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>GB/T 2260 codes: 浙江省 → 金华市 → its counties and districts → 武义县/磐安县 towns and zones.</summary>
public sealed class RegionReferenceData : IReferenceData
{
    public int Order => 0;

    private static readonly (string Code, string Name, string? Parent, RegionLevel Level)[] Regions =
    [
        ("330000", "浙江省", null, RegionLevel.Province),
        ("330100", "杭州市", "330000", RegionLevel.City),
        ("330106", "西湖区", "330100", RegionLevel.County),
        ("330108", "滨江区", "330100", RegionLevel.County),
        ("330110", "余杭区", "330100", RegionLevel.County),
        ("330700", "金华市", "330000", RegionLevel.City),
        ("330702", "婺城区", "330700", RegionLevel.County),
        ("330703", "金东区", "330700", RegionLevel.County),
        ("330723", "武义县", "330700", RegionLevel.County),
        ("330726", "浦江县", "330700", RegionLevel.County),
        ("330727", "磐安县", "330700", RegionLevel.County),
        ("330781", "兰溪市", "330700", RegionLevel.County),
        ("330782", "义乌市", "330700", RegionLevel.County),
        ("330783", "东阳市", "330700", RegionLevel.County),
        ("330784", "永康市", "330700", RegionLevel.County),
        ("330723001", "白洋街道", "330723", RegionLevel.Town),
        ("330723002", "熟溪街道", "330723", RegionLevel.Town),
        ("330723003", "壶山街道", "330723", RegionLevel.Town),
        ("330723101", "桐琴镇", "330723", RegionLevel.Town),
        ("330723102", "泉溪镇", "330723", RegionLevel.Town),
        ("330723103", "王宅镇", "330723", RegionLevel.Town),
        ("330723104", "履坦镇", "330723", RegionLevel.Town),
        ("330723105", "茭道镇", "330723", RegionLevel.Town),
        ("330723106", "大田乡", "330723", RegionLevel.Town),
        ("330723107", "柳城畲族镇", "330723", RegionLevel.Town),
        ("330723108", "新宅镇", "330723", RegionLevel.Town),
        ("330723109", "俞源乡", "330723", RegionLevel.Town),
        ("330723110", "西联乡", "330723", RegionLevel.Town),
        ("330723111", "三港乡", "330723", RegionLevel.Town),
        ("330723112", "坦洪乡", "330723", RegionLevel.Town),
        ("330723113", "白姆乡", "330723", RegionLevel.Town),
        ("330723114", "大溪口乡", "330723", RegionLevel.Town),
        ("330723401", "武义经济开发区", "330723", RegionLevel.Town),
        ("330727001", "安文街道", "330727", RegionLevel.Town),
        ("330727002", "新渥街道", "330727", RegionLevel.Town),
        ("330727101", "尖山镇", "330727", RegionLevel.Town),
        ("330727102", "玉山镇", "330727", RegionLevel.Town),
        ("330727103", "仁川镇", "330727", RegionLevel.Town),
    ];

    public async Task LoadAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        var known = await db.Set<Region>().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        foreach (var (code, name, parent, level) in Regions.Where(r => !known.Contains(r.Code)))
        {
            db.Add(new Region(code, name, parent, level));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
