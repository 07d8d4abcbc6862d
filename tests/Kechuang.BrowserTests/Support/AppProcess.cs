using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kechuang.BrowserTests.Support;

/// <summary>
/// The application started the way README.md starts it — <c>dotnet run --project src/Kechuang</c>, Production
/// (no launch profile), configured only through environment variables — as a child process on a free port.
/// Its console output is kept in memory for assertions and in <c>artifacts/browser-tests/</c> for diagnosis;
/// disposing kills the whole process tree (<c>dotnet run</c> and the application it started).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private AppProcess(Process process, string baseUrl, string logFile)
    {
        _process = process;
        BaseUrl = baseUrl;
        LogFile = logFile;
        _log = new StreamWriter(logFile, append: false) { AutoFlush = true };
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public string LogFile { get; }

    /// <summary>Every line the process wrote so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>
    /// Starts the application over <paramref name="environment"/> (<c>urls</c> is added) and returns once
    /// <c>/health</c> answers. <paramref name="build"/> false adds <c>--no-build</c>: the test project's build
    /// has already built the application in the same configuration.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, bool build = false)
    {
        var root = Repository.Root;
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in build
            ? new[] { "run", "--project", "src/Kechuang" }
            : ["run", "--project", "src/Kechuang", "--no-build", "-c", Repository.Configuration])
        {
            start.ArgumentList.Add(argument);
        }
        // The test runner's own settings must not reach the application: README's command runs in Production,
        // and MSBuild variables set by `dotnet test` would steer the inner `dotnet run`.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        if (build)
        {
            // Build servers left running after the build would hold the redirected output open past the test;
            // they change how the build runs, not what it builds.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["UseRazorBuildServer"] = "false";
        }
        start.Environment["urls"] = baseUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var logFile = Path.Combine(Repository.Artifacts("browser-tests"), $"{name}-{DateTime.Now:HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseUrl, logFile);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>Waits until a line matching <paramref name="match"/> has been written, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"no such line in the application's output (log: {LogFile}):\n{string.Join('\n', _output)}");
            }
            await Task.Delay(100);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException(
            $"the application did not answer /health at {BaseUrl} (exited: {_process.HasExited}; log: {LogFile}):\n{string.Join('\n', _output)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        lock (_logGate)
        {
            // Output still arrives while the killed process winds down.
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.Dispose();
        lock (_logGate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }
}
