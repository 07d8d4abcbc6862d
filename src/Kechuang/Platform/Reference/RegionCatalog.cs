using Kechuang.Platform.Access;

namespace Kechuang.Platform.Reference;

/// <summary>
/// Region names by code for every page and export (行政区划, GB/T 2260). Regions are reference data
/// loaded at start-up and never edited through the application, so one copy is read once per process
/// and shared by all circuits; a list of a thousand rows then costs no query per row.
/// </summary>
public sealed class RegionCatalog(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RegionTable? _table;

    /// <summary>The regions, read on first use. An empty read (before reference data is loaded) is not kept.</summary>
    public async Task<RegionTable> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_table is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_table is { } loaded)
            {
                return loaded;
            }
            await using var scope = scopes.CreateAsyncScope();
            var regions = await scope.ServiceProvider.GetRequiredService<IDirectoryOptions>().RegionsAsync(cancellationToken);
            var table = new RegionTable(regions);
            if (regions.Count > 0)
            {
                _table = table;
            }
            return table;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the copy (a test or an operator who changed the region table by hand).</summary>
    public void Reset() => _table = null;

    public void Dispose() => _gate.Dispose();
}
