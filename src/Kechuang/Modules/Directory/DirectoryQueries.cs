using Kechuang.Platform.Reference;

namespace Kechuang.Modules.Directory;

internal static class DirectoryQueries
{
    /// <summary>
    /// Region names from the cached region table: reference data that changes only with a release, and that every list
    /// page named row by row read whole (3,374 regions of the national list) on every request before.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(RegionCatalog regions, CancellationToken cancellationToken) =>
        (await regions.GetAsync(cancellationToken)).Names;

}
