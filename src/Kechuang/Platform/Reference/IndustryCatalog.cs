using System.Collections.Frozen;

namespace Kechuang.Platform.Reference;

/// <summary>One class of GB/T 4754-2017: its code without the section letter (C for 门类, 33, 338, 3381), name and level.</summary>
public sealed record IndustryClass(string Code, string Name, IndustryLevel Level, string Section)
{
    /// <summary>The code as people write it: the section letter before the digits (C3381, C33, C).</summary>
    public string FullCode => Level == IndustryLevel.Section ? Code : Section + Code;

    /// <summary>"C3381 金属制厨房用器具制造".</summary>
    public string Label => $"{FullCode} {Name}";
}

public enum IndustryLevel
{
    /// <summary>门类 (A–T).</summary>
    Section = 1,

    /// <summary>大类 (two digits).</summary>
    Division = 2,

    /// <summary>中类 (three digits).</summary>
    Group = 3,

    /// <summary>小类 (four digits).</summary>
    Class = 4,
}

/// <summary>
/// GB/T 4754-2017 国民经济行业分类, all four levels, from the CSV shipped in the assembly (source and
/// edition noted at its head and in docs/reference-data.md). A national standard changes by a new edition,
/// so the table is read once per process and never from the database.
/// </summary>
public static class IndustryCatalog
{
    /// <summary>Separator of an industry's path, as the region path uses.</summary>
    public const string PathSeparator = " / ";

    private static readonly Lazy<Table> Loaded = new(Load);

    /// <summary>Every class in the standard's order (A, 01, 011, 0111, …).</summary>
    public static IReadOnlyList<IndustryClass> All => Loaded.Value.All;

    /// <summary>The class of a code with or without its section letter (C3381, 3381, c33, C); null when unknown.</summary>
    public static IndustryClass? Find(string? code)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            return null;
        }
        if (key.Length > 1 && char.IsAsciiLetter(key[0]))
        {
            // A letter must agree with the section the digits belong to: B3381 is not a code.
            var found = Loaded.Value.ByCode.GetValueOrDefault(key[1..]);
            return found is not null && found.Section == key[..1] ? found : null;
        }
        return Loaded.Value.ByCode.GetValueOrDefault(key);
    }

    /// <summary>The name of a code (C3381 → 金属制厨房用器具制造); null when unknown.</summary>
    public static string? Name(string? code) => Find(code)?.Name;

    /// <summary>"C3381 金属制厨房用器具制造"; the code as written when unknown, "—" when empty.</summary>
    public static string Label(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—" : Find(code)?.Label ?? code.Trim();

    /// <summary>The class and the classes above it, 门类 first (C 制造业, 33 金属制品业, 338 …, 3381 …).</summary>
    public static IReadOnlyList<IndustryClass> Lineage(string? code)
    {
        if (Find(code) is not { } found)
        {
            return [];
        }
        var lineage = new List<IndustryClass> { Loaded.Value.ByCode[found.Section] };
        for (var length = 2; length <= found.Code.Length && found.Level != IndustryLevel.Section; length++)
        {
            lineage.Add(Loaded.Value.ByCode[found.Code[..length]]);
        }
        return lineage;
    }

    /// <summary>"制造业 / 金属制品业 / 金属制日用品制造 / 金属制厨房用器具制造"; empty when unknown.</summary>
    public static string Path(string? code) => string.Join(PathSeparator, Lineage(code).Select(c => c.Name));

    /// <summary>The classes one level below (A → 01…05; 01 → 011…019); the 门类 for null.</summary>
    public static IReadOnlyList<IndustryClass> Children(string? code) =>
        code is null ? Loaded.Value.Sections : Find(code) is { } parent ? Loaded.Value.ChildrenOf.GetValueOrDefault(parent.Code, []) : [];

    private sealed record Table(
        IReadOnlyList<IndustryClass> All,
        FrozenDictionary<string, IndustryClass> ByCode,
        IReadOnlyList<IndustryClass> Sections,
        FrozenDictionary<string, IndustryClass[]> ChildrenOf);

    private static Table Load()
    {
        using var stream = typeof(IndustryCatalog).Assembly.GetManifestResourceStream("Kechuang.Industries.csv")
            ?? throw new InvalidOperationException("Industries.csv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var all = new List<IndustryClass>();
        var section = "";
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code,", StringComparison.Ordinal))
            {
                continue;
            }
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var code = line[..comma];
            // Rows follow the standard's order, so a 大类 belongs to the last 门类 read before it.
            if (char.IsAsciiLetter(code[0]))
            {
                section = code;
            }
            var level = char.IsAsciiLetter(code[0]) ? IndustryLevel.Section : (IndustryLevel)code.Length;
            all.Add(new IndustryClass(code, line[(comma + 1)..], level, section));
        }
        var byCode = all.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        var children = all.Where(c => c.Level != IndustryLevel.Section)
            .GroupBy(c => c.Level == IndustryLevel.Division ? c.Section : c.Code[..^1])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return new Table(all, byCode, all.Where(c => c.Level == IndustryLevel.Section).ToList(), children);
    }
}
