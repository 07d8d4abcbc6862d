using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>Start-up on a database file that can only be read: one Chinese line naming the file, exit code 1, no stack trace.</summary>
public class StartupStorageTests
{
    [Fact]
    public async Task ReadOnlyDatabaseFile_EndsStartUpWithAClearLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-readonly-{Guid.NewGuid():N}.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE earlier (id INTEGER)";
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "kechuang.dll"), "--urls", "http://127.0.0.1:0", "--Database:Provider=Sqlite",
                $"--ConnectionStrings:Kechuang=Data Source={file};Mode=ReadOnly",
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"科创 Kechuang 无法启动：数据库当前只能读取，不能写入（{file}）", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", errors + await output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
