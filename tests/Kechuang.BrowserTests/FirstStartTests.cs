using Kechuang.BrowserTests.Support;
using Npgsql;

namespace Kechuang.BrowserTests;

/// <summary>
/// The first start on a new database prints the welcome lines and nothing that looks like trouble: an operator
/// who sees a <c>fail:</c> line at the first start cannot tell it from a real failure. Runs the application as
/// README starts it, on SQLite and on PostgreSQL, until it has served the sign-in page.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class FirstStartTests
{
    private static readonly string PostgresServer =
        Environment.GetEnvironmentVariable("KECHUANG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=kechuang;Password=kechuang";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task FirstStart_NewDatabase_PrintsNoWarningOrFailure(string provider)
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"kechuang-first-{Guid.NewGuid():N}.db");
        var postgresDatabase = $"kechuang_first_{Guid.NewGuid():N}";
        if (provider == "Postgres")
        {
            await PostgresAsync($"CREATE DATABASE {postgresDatabase}");
        }
        try
        {
            IReadOnlyList<string> output;
            await using (var app = await AppProcess.StartAsync($"first-start-{provider.ToLowerInvariant()}", new Dictionary<string, string>
            {
                ["Database__Provider"] = provider,
                ["ConnectionStrings__Kechuang"] = provider == "Postgres" ? $"{PostgresServer};Database={postgresDatabase}" : $"Data Source={sqliteFile}",
                ["Demo__Seed"] = "true",
            }))
            {
                using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
                (await client.GetAsync("/account/login")).EnsureSuccessStatusCode();
                await app.WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
                output = app.Output;
            }

            Assert.Contains(output, l => l.StartsWith("科创 Kechuang 已启动: ", StringComparison.Ordinal));
            Assert.Contains(output, l => l.StartsWith("管理员密码: ", StringComparison.Ordinal));
            // No personal-data keys configured: generated into a file outside the database, and said once.
            Assert.Single(output, l => l.Contains("个人信息加密密钥未在配置中提供", StringComparison.Ordinal));
            var troubled = output.Select((line, i) => (line, i))
                .Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal))
                .Select(x => string.Join('\n', output.Skip(x.i).Take(3)))
                .ToList();
            Assert.True(troubled.Count == 0, string.Join("\n---\n", troubled));
        }
        finally
        {
            if (provider == "Postgres")
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresAsync($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
            }
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
            File.Delete(Path.ChangeExtension(sqliteFile, ".personal-data-keys.json"));
        }
    }

    private static async Task PostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
