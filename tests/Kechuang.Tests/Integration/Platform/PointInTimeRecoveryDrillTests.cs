using System.Diagnostics;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The point-in-time recovery drill of docs/operations.md, run as it is written: scripts/pitr-drill.sh archives WAL with
/// pgBackRest on a PostgreSQL cluster of its own (own data directory and socket, never the shared server), restores to a
/// noted time and checks that the writes before it are there and those after it are not. About a minute.
/// </summary>
[Trait("Category", "PitrDrill")]
public sealed class PointInTimeRecoveryDrillTests
{
    [Fact]
    public async Task PitrDrill_RestoresToTheNotedTime()
    {
        var script = Path.Combine(Repository.Root(), "scripts", "pitr-drill.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;

        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("pitr-drill: ok (1000 rows kept, 510 later writes gone", text, StringComparison.Ordinal);
    }
}
