using System.Net;
using System.Net.Sockets;

namespace Kechuang.Tests.Support;

/// <summary>
/// A TCP relay on loopback between the application and one server (PostgreSQL, Redis) that a test can cut and
/// restore, so that server looks unreachable to one host while the shared server goes on serving every other test.
/// Cut: every open connection is reset and new ones are accepted and dropped at once, as a server whose host went
/// away; restored: connections are relayed again.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public FaultProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port to connect to instead of the server's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool IsCut => _cut;

    /// <summary>Resets every relayed connection and drops new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        List<TcpClient> open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var client in open)
        {
            Reset(client);
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (_cut)
            {
                Reset(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            Reset(client);
            server.Dispose();
            return;
        }
        lock (_gate)
        {
            if (_cut)
            {
                Reset(client);
                Reset(server);
                return;
            }
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            Reset(client);
            Reset(server);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException or InvalidOperationException)
        {
            // The other side went away, or the relay was cut.
        }
    }

    /// <summary>Closes with RST rather than FIN: the peer sees the connection broken, not ended.</summary>
    private static void Reset(TcpClient client)
    {
        // Cut and a relay's own ending may reset one connection at once; a disposed client has no socket left.
        var socket = client.Client;
        if (socket is not null)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // Already closed.
            }
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
