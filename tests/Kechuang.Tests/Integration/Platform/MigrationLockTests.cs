using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>SQLite only: PostgreSQL's migration lock is a session lock that ends with the dead process.</summary>
public class MigrationLockTests
{
    [Fact]
    public async Task Migrate_AfterAProcessDiedMidMigration_DoesNotWaitForEver()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-lock-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                // What EF leaves behind when the process is killed while migrating.
                command.CommandText = """
                    CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-26 21:28:13.9515313+00:00');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            var user = new CurrentUser();
            user.UseSystemScope("test");
            await using var db = new SqliteKechuangDb(new DbContextOptionsBuilder<SqliteKechuangDb>()
                .UseSqlite($"Data Source={file}").UseSnakeCaseNamingConvention().Options, user, TimeProvider.System, PersonalDataCipher.Unavailable);

            var empty = await DataSetup.MigrateAsync(db).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(empty);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
