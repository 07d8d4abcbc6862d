using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>
/// The application as README.md starts it (<see cref="AppProcess"/>: <c>dotnet run</c>, Production) over a fresh
/// SQLite file with the demo dataset, and one headless Debian Chromium shared by the journeys.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "Browser-Pass-2026!";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"kechuang-browser-{Guid.NewGuid():N}.db");
    private readonly List<PageProblems> _pages = [];
    private AppProcess? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = await AppProcess.StartAsync("browser-app", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Kechuang"] = $"Data Source={_database}",
            ["Demo__Seed"] = "true",
            ["Admin__Password"] = Password,
            // Every journey signs in from 127.0.0.1: on a fast machine the suite makes more than the 20 sign-ins a
            // minute one client address may (429). The limits have their own tests (SignInThrottleTests).
            ["Access__SignInPerClientPerMinute"] = "100000",
        });
        BaseUrl = _app.BaseUrl;
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>
    /// A fresh browser context (own cookies) with a desktop-sized page, in Chinese like a bureau clerk's PC, whose
    /// console errors and failed requests fail the journey at <see cref="Journey.EndAsync"/>.
    /// </summary>
    /// <param name="adjust">changes the context's options, e.g. a phone's viewport or another browser language.</param>
    public async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? adjust = null)
    {
        var page = await Chromium.NewPageAsync(Browser, BaseUrl, adjust);
        lock (_pages)
        {
            _pages.Add(PageProblems.Of(page));
        }
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
        // A journey that stopped before Journey.EndAsync (it failed already) is not checked twice; one that
        // forgot to end must not pass with a broken page.
        var unseen = _pages.Where(p => !p.Checked && p.Problems.Count > 0).SelectMany(p => p.Problems).ToList();
        if (unseen.Count > 0)
        {
            throw new InvalidOperationException("pages never checked by Journey.EndAsync had problems:\n" + string.Join('\n', unseen));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
