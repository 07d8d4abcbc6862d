namespace Kechuang.BrowserTests.Support;

/// <summary>
/// A separate application and demo database for a journey that changes figures other journeys' screenshots
/// show (a new year's target, a registered contract, an auction sale): the shared <see cref="BrowserApp"/>
/// keeps the letter's figures whatever order the journeys run in. The journey stays in the browser
/// collection, so journeys still run one at a time.
/// </summary>
public sealed class OwnDatabase : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
