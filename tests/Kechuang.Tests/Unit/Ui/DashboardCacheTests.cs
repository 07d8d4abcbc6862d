using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Kechuang.Tests.Unit.Ui;

public sealed class DashboardCacheTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static DashboardCache Cache(int seconds, TimeProvider clock) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build(), clock);

    private static CurrentUser User(Role role, string region, Guid? account = null)
    {
        var user = new CurrentUser();
        user.Set(SignInHandler.Principal(account ?? Guid.NewGuid(), "u", role, region, "用户", "s", null, "test"));
        return user;
    }

    [Fact]
    public async Task Off_ByDefault_EveryReaderComputes()
    {
        var cache = Cache(0, new FakeTimeProvider());
        var computed = 0;

        await cache.GetAsync("k", () => Task.FromResult(++computed));
        await cache.GetAsync("k", () => Task.FromResult(++computed));

        Assert.False(cache.Enabled);
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task On_AFigureIsKeptForTheConfiguredSeconds_ThenComputedAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var cache = Cache(30, clock);
        var computed = 0;

        var first = await cache.GetAsync("k", () => Task.FromResult(++computed));
        clock.Advance(TimeSpan.FromSeconds(29));
        var kept = await cache.GetAsync("k", () => Task.FromResult(++computed));
        var other = await cache.GetAsync("other", () => Task.FromResult(++computed));
        clock.Advance(TimeSpan.FromSeconds(2));
        var again = await cache.GetAsync("k", () => Task.FromResult(++computed));

        Assert.Equal((1, 1, 2, 3), (first, kept, other, again));
    }

    [Fact]
    public void Key_IsSharedByReadersOfOneScope_NotAcrossScopesOrExperts()
    {
        var clerk = DashboardCache.KeyOf(User(Role.CountyStaff, "330723"), Today, "figures 2026");

        Assert.Equal(clerk, DashboardCache.KeyOf(User(Role.CountyStaff, "330723"), Today, "figures 2026"));
        Assert.NotEqual(clerk, DashboardCache.KeyOf(User(Role.CountyStaff, "330784"), Today, "figures 2026"));
        Assert.NotEqual(clerk, DashboardCache.KeyOf(User(Role.Institution, "330723"), Today, "figures 2026"));
        Assert.NotEqual(clerk, DashboardCache.KeyOf(User(Role.CountyStaff, "330723"), Today.AddDays(1), "figures 2026"));
        Assert.NotEqual(clerk, DashboardCache.KeyOf(User(Role.CountyStaff, "330723"), Today, "figures 2025"));
        // An expert's home shows their own reviews.
        Assert.NotEqual(DashboardCache.KeyOf(User(Role.Expert, "330723"), Today, "figures 2026"), DashboardCache.KeyOf(User(Role.Expert, "330723"), Today, "figures 2026"));
    }
}
