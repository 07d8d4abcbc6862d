using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Data;

/// <summary>
/// The database that dashboards, statistics and exports (through <see cref="FromReports{THandler}"/>) read: a PostgreSQL standby when <c>ConnectionStrings:KechuangReports</c>
/// names one, else the request's own context. Those pages read many rows and write none, so a standby takes their
/// load off the primary; a figure there may trail the primary by the standby's replay delay (well under a second on
/// a healthy pair), which a dashboard can bear. Lists, details and everything a user reads back after writing it stay
/// on the primary.
/// </summary>
public sealed class ReportingDb : IAsyncDisposable, IDisposable
{
    private readonly bool _owned;

    private ReportingDb(KechuangDb db, bool owned)
    {
        Db = db;
        _owned = owned;
    }

    public KechuangDb Db { get; }

    /// <summary>True when the reads go to a standby of their own.</summary>
    public bool OnStandby => _owned;

    public const string ConnectionName = "KechuangReports";

    internal static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped(typeof(FromReports<>));
        var reports = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(reports) || !DataSetup.IsPostgres(configuration))
        {
            services.AddScoped(sp => new ReportingDb(sp.GetRequiredService<KechuangDb>(), owned: false));
            return;
        }
        var source = new Npgsql.NpgsqlDataSourceBuilder(DataSetup.PostgresConnection(reports)) { Name = "kechuang-reports" }.Build();
        var options = new DbContextOptionsBuilder<PostgresKechuangDb>().UseNpgsql(source).UseSnakeCaseNamingConvention().Options;
        services.AddScoped(sp => new ReportingDb(
            new PostgresKechuangDb(options, sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PersonalDataCipher>()),
            owned: true));
    }

    public ValueTask DisposeAsync() => _owned ? Db.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_owned)
        {
            Db.Dispose();
        }
    }
}
