using System.Text.RegularExpressions;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// Every list page offers the filtered list as .xlsx: each <c>DataList</c> in the application's pages names its export
/// (<c>ExportUrl</c>), which the component completes with the search text and sort on screen. Every export reads its
/// rows through <c>FromReports</c>, so a configured standby carries the whole-list reads (docs/operations.md).
/// </summary>
public partial class ListExportRuleTests
{
    [GeneratedRegex(@"<DataList\b[^<]*", RegexOptions.CultureInvariant)]
    private static partial Regex DataListTag();

    [GeneratedRegex(@"MapGet\(""[^""]*export""[^=]*=>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ExportEndpoint();

    [GeneratedRegex(@"(?<![<\w])\w+Handler \w+[,)]", RegexOptions.CultureInvariant)]
    private static partial Regex PlainHandler();

    [Fact]
    public void EveryExport_ReadsThroughTheReportingDatabase()
    {
        var sources = Path.Combine(Repository.Root(), "src", "Kechuang");
        var exports = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ExportEndpoint().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(sources, file), Head: m.Value)))
            .ToList();

        var direct = exports.Where(e => PlainHandler().IsMatch(e.Head)).Select(e => $"{e.File}: {e.Head.Split('\n')[0].Trim()}").ToList();

        Assert.True(exports.Count >= 40, $"only {exports.Count} export endpoints found under {sources}");
        Assert.True(direct.Count == 0, "An export that takes its handler on the primary instead of FromReports<…>:\n  " + string.Join("\n  ", direct));
    }

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
