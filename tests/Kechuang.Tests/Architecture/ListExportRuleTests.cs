using System.Text.RegularExpressions;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// Every list page offers the filtered list as .xlsx: each <c>DataList</c> in the application's pages names its export
/// (<c>ExportUrl</c>), which the component completes with the search text and sort on screen.
/// </summary>
public partial class ListExportRuleTests
{
    [GeneratedRegex(@"<DataList\b[^<]*", RegexOptions.CultureInvariant)]
    private static partial Regex DataListTag();

    [Fact]
    public void EveryDataList_NamesItsExport()
    {
        var sources = Path.Combine(Repository.Root(), "src", "Kechuang");
        var lists = Directory.EnumerateFiles(sources, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => DataListTag().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(sources, file), Tag: m.Value)))
            .ToList();

        var without = lists.Where(l => !l.Tag.Contains("ExportUrl=", StringComparison.Ordinal)).Select(l => l.File).ToList();

        Assert.True(lists.Count >= 30, $"only {lists.Count} lists found under {sources}");
        Assert.True(without.Count == 0, "A DataList without ExportUrl:\n  " + string.Join("\n  ", without));
    }
}
