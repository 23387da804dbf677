using System.Net.Sockets;
using System.Text;

namespace GraphLite.Tests.Limits;

/// <summary>
/// A plain TCP connection to a loopback server, for requests HttpClient cannot send: a body announced but never
/// finished, or bytes sent slowly. Reads give up after 30 seconds so a test cannot hang.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly TimeSpan s_readTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        return new RawHttpConnection(client);
    }

    public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Sends <paramref name="text"/> up to <paramref name="count"/> times, stopping when the server closes its side.</summary>
    public async Task SendUntilRejectedAsync(string text, int count)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        for (var index = 0; index < count; index++)
        {
            try
            {
                await _stream.WriteAsync(bytes);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>Reads until the server closes the connection or a complete response with Content-Length has arrived.</summary>
    public async Task<string> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(s_readTimeout);
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (!IsComplete(received.ToString()))
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    private static bool IsComplete(string response)
    {
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        var lengthLine = response[..headerEnd].Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return lengthLine is not null && response.Length - headerEnd - 4 >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
