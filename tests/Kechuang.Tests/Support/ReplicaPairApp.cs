using System.Diagnostics;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Kechuang.Tests.Support;

/// <summary>
/// An instance on a PostgreSQL pair of its own (scripts/replica-pair.sh): a primary and a synchronous streaming
/// standby on free loopback ports. The instance connects to both hosts and uses whichever is the primary, and reads
/// its dashboards and statistics from the standby (<see cref="ReportingDb"/>). Tests may kill the primary and promote
/// the standby; the pair is removed when the fixture is disposed.
/// </summary>
public sealed class ReplicaPairApp : KechuangApp
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"kechuang-pair-{Guid.NewGuid():N}");

    public ReplicaPairApp()
        : base(Provider.Postgres)
    {
        PrimaryPort = ChildServer.FreePort();
        StandbyPort = ChildServer.FreePort();
        Pair("up", "--primary-port", PrimaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--standby-port", StandbyPort.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
    }

    public int PrimaryPort { get; }

    public int StandbyPort { get; }

    /// <summary>
    /// Both hosts, the primary wanted: after a promotion the same string finds the new primary. Hosts are looked at
    /// again after a second, not the default ten, so that the drill does not wait on a cached "standby".
    /// </summary>
    protected override string PostgresHost =>
        $"Host=127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort};Username=kechuang;Target Session Attributes=primary;Host Recheck Seconds=1";

    /// <summary>The standby alone, as the reports read it.</summary>
    public string StandbyConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Host = "127.0.0.1",
        Port = StandbyPort,
        TargetSessionAttributes = null,
    }.ConnectionString;

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting($"ConnectionStrings:{ReportingDb.ConnectionName}", StandbyConnectionString);

    public Task KillPrimaryAsync() => Pair("kill-primary");

    public Task PromoteStandbyAsync() => Pair("promote");

    protected override Task DisposedAsync() => Pair("down");

    private async Task Pair(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository.Root(), "scripts", "replica-pair.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(_folder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"replica-pair.sh {command} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
