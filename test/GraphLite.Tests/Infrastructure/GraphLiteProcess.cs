using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite as a real process on Kestrel, listening on a free loopback port. Disposing it kills the process.
/// </summary>
public sealed class GraphLiteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GraphLiteProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<GraphLiteProcess> StartAsync(params string[] arguments)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var assembly = Path.Combine(AppContext.BaseDirectory, "GraphLite.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(assembly);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new GraphLiteProcess(process, baseAddress);
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"GraphLite exited with code {_process.ExitCode} before it listened.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "v1.0/$metadata"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"GraphLite did not listen on {BaseAddress} within {timeout.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
