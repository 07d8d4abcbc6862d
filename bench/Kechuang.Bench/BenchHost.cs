using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Bench;

/// <summary>The application's data layer on a fresh SQLite file, without the web server.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kechuang-bench-{Guid.NewGuid():N}.db");

    public BenchHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kechuang"] = $"Data Source={_file}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddKechuangData(configuration);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public async Task<KechuangDb> OpenAsync(Action<CurrentUser> who)
    {
        var scope = Services.CreateAsyncScope();
        who(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return scope.ServiceProvider.GetRequiredService<KechuangDb>();
    }

    public async Task MigrateAsync()
    {
        await using var db = await OpenAsync(u => u.UseSystemScope("bench"));
        await DataSetup.MigrateAsync(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    public static string CreditCode(int n) => DemoCodes.CreditCode("330723", n);
}
