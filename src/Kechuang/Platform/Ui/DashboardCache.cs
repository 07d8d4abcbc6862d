using System.Collections.Concurrent;
using Kechuang.Platform.Access;

namespace Kechuang.Platform.Ui;

/// <summary>
/// The home figures of one data scope and year, kept on a node for <c>Dashboard:CacheSeconds</c> (0, the default: not
/// kept). Every reader of a county asks for the same figures. At a province's size, computing them again for each reader
/// took a third of the nodes' CPU (docs/operations.md). A kept figure can be that many seconds behind the records, so a
/// county's single node keeps none.
/// </summary>
public sealed class DashboardCache(IConfiguration configuration, TimeProvider clock)
{
    // Far more than the scopes of a province (a few hundred regions and years): a bound, not an eviction policy.
    private const int MaxEntries = 10_000;

    private readonly TimeSpan _keep = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Dashboard:CacheSeconds", 0)));
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, object Value)> _entries = new(StringComparer.Ordinal);

    public bool Enabled => _keep > TimeSpan.Zero;

    /// <summary>
    /// What the cards show depends on the role, the data scope and, for an expert, the account (their own reviews);
    /// and on the day (figures counted "to date").
    /// </summary>
    public static string KeyOf(CurrentUser user, DateOnly today, string what) =>
        string.Join('|', what, today.DayNumber, user.Role, user.Scope.All, user.Scope.RegionPrefix, user.Scope.OrganizationId, user.Role == Role.Expert ? user.AccountId : null);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute) where T : notnull
    {
        if (!Enabled)
        {
            return await compute();
        }
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Until > now && entry.Value is T kept)
        {
            return kept;
        }
        var value = await compute();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = (now + _keep, value);
        return value;
    }
}
