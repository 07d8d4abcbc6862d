using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kechuang.Platform.Data;

// One model, two migration sets: a subclass per provider lets each set carry its own [DbContext]
// attribute, so EF never mixes SQLite and PostgreSQL migrations (see docs/adr/002).
public sealed class SqliteKechuangDb(DbContextOptions<SqliteKechuangDb> options, CurrentUser user, TimeProvider clock, PersonalDataCipher personalData)
    : KechuangDb(options, user, clock, personalData);

public sealed class PostgresKechuangDb(DbContextOptions<PostgresKechuangDb> options, CurrentUser user, TimeProvider clock, PersonalDataCipher personalData)
    : KechuangDb(options, user, clock, personalData);

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKechuangDb>
{
    public SqliteKechuangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKechuangDb>().UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options, new CurrentUser(), TimeProvider.System, PersonalDataCipher.Unavailable);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKechuangDb>
{
    public PostgresKechuangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKechuangDb>().UseNpgsql("Host=127.0.0.1;Database=design").UseSnakeCaseNamingConvention().Options, new CurrentUser(), TimeProvider.System, PersonalDataCipher.Unavailable);
}

/// <summary>Hands out the provider's context as <see cref="KechuangDb"/> to modules and pages.</summary>
internal sealed class KechuangDbFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KechuangDb>
    where TContext : KechuangDb
{
    public KechuangDb CreateDbContext() => inner.CreateDbContext();
}
