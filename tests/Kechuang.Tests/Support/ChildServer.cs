using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Support;

/// <summary>
/// The real executable (<c>kechuang.dll</c>) as a separate process on the database of a test instance, on the real
/// clock, in Production: what a fault test kills with <c>kill -9</c> and starts again. Its last lines of output are
/// kept for the failure message.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();

    private ChildServer(Process process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    /// <summary>The child's last lines of output.</summary>
    public string Output => string.Join('\n', _log);

    /// <summary>Starts the executable on <paramref name="app"/>'s database (its demo data is already there) and waits until it answers.</summary>
    public static async Task<ChildServer> StartAsync(KechuangApp app, int? port = null)
    {
        // The instance set the passwords on its fake clock (March): on the child's real clock a staff password would
        // have expired long ago and every sign-in would be asked to change it first.
        await app.WithDbAsync(db => db.Accounts.ExecuteUpdateAsync(a => a.SetProperty(x => x.PasswordChangedAt, DateTime.UtcNow)));
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kechuang.dll"));
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        start.ArgumentList.Add($"--Database:Provider={app.Provider}");
        start.ArgumentList.Add($"--ConnectionStrings:Kechuang={app.ConnectionString}");
        foreach (var key in KechuangApp.PersonalDataArguments)
        {
            start.ArgumentList.Add(key);
        }
        start.ArgumentList.Add("--Demo:Seed=false");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var child = new ChildServer(Process.Start(start)!, baseAddress);
        child.Process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !child.Process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        await child.KillAsync();
        throw new InvalidOperationException("the server did not become healthy:\n" + child.Output);
    }

    /// <summary>A client of the child signed in as <paramref name="userName"/> (signed in on the child: it checks tokens on its own clock).</summary>
    public async Task<HttpClient> ClientAsync(string userName, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = KechuangApp.Password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName} on the child: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary><c>kill -9</c>: the process ends at once, with no shutdown of its own.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > 200)
        {
            _log.TryDequeue(out _);
        }
    }
}
