using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vivapolis.Api.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of the test PostgreSQL, so that a test can take "the database" away from one host and give
/// it back, as a crash and restart would, without touching the server the other test classes share. Cutting it
/// closes the listening port (new connections are refused) and resets every open connection (pooled ones die).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;

    public TcpRelay(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        Port = Listen(0);
    }

    /// <summary>The port to connect to instead of PostgreSQL's; it stays the same across a cut.</summary>
    public int Port { get; }

    /// <summary>New connections are refused, open ones are reset.</summary>
    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var socket in _open.Keys)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0); // RST, as a dead server's kernel would answer
                socket.Close();
            }
            catch (ObjectDisposedException) { } // its relay ended meanwhile
        }
        _open.Clear();
    }

    /// <summary>Listens again on the same port.</summary>
    public void Resume() => Listen(Port);

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
