using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>
/// GB/T 2260 codes: every province, prefecture and county of China from the embedded Regions.csv (see
/// docs/reference-data.md for its source), and below them the towns and zones of 武义县 and 磐安县, which
/// the bureau works with and which the national list does not go down to.
/// </summary>
public sealed class RegionReferenceData : IReferenceData
{
    public int Order => 0;

    private static readonly Lazy<List<(string Code, string Name, string? Parent, RegionLevel Level)>> National = new(ReadNational);

    private static readonly (string Code, string Name, string? Parent, RegionLevel Level)[] Towns =
    [
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

    /// <summary>Every region the application ships, national ones first (parents before children).</summary>
    public static IEnumerable<(string Code, string Name, string? Parent, RegionLevel Level)> All => National.Value.Concat(Towns);

    public async Task LoadAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        var known = await db.Set<Region>().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var missing = All.Where(r => !known.Contains(r.Code)).Select(r => new Region(r.Code, r.Name, r.Parent, r.Level)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<(string Code, string Name, string? Parent, RegionLevel Level)> ReadNational()
    {
        using var stream = typeof(RegionReferenceData).Assembly.GetManifestResourceStream("Kechuang.Regions.csv")
            ?? throw new InvalidOperationException("Regions.csv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var regions = new List<(string Code, string Name, string? Parent, RegionLevel Level)>(3400);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith("code,", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line.Split(',');
            regions.Add((parts[0], parts[1], parts[2].Length == 0 ? null : parts[2], Enum.Parse<RegionLevel>(parts[3])));
        }
        return regions;
    }
}
