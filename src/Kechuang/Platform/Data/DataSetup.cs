using Kechuang.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Data;

public static class DataSetup
{
    /// <summary>
    /// Chooses the provider from <c>Database:Provider</c> (Sqlite default, Postgres) and the connection
    /// from <c>ConnectionStrings:Kechuang</c> (default <c>data/kechuang.db</c>).
    /// </summary>
    public static IServiceCollection AddKechuangData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connection = configuration.GetConnectionString("Kechuang");
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Kechuang.");
            }
            services.AddDbContextFactory<PostgresKechuangDb>(o => o.UseNpgsql(connection).UseSnakeCaseNamingConvention(), ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<KechuangDb>, KechuangDbFactory<PostgresKechuangDb>>();
        }
        else
        {
            connection ??= $"Data Source={Path.Combine("data", "kechuang.db")}";
            services.AddDbContextFactory<SqliteKechuangDb>(o => o.UseSqlite(connection).UseSnakeCaseNamingConvention(), ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<KechuangDb>, KechuangDbFactory<SqliteKechuangDb>>();
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<KechuangDb>>().CreateDbContext());
        services.AddScoped<CurrentUser>();
        return services;
    }

    /// <summary>Creates the SQLite folder, applies migrations; returns true when the database was empty.</summary>
    public static async Task<bool> MigrateAsync(KechuangDb db, CancellationToken cancellationToken = default)
    {
        if (db.IsSqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return !await db.Accounts.AnyAsync(cancellationToken);
    }
}
