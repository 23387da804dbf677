using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite as a real process on Kestrel, listening on a free loopback port. Disposing it kills the process.
/// </summary>
public sealed partial class GraphLiteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GraphLiteProcess(Process process, Uri baseAddress, Uri? httpsBaseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        HttpsBaseAddress = httpsBaseAddress;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public static Task<GraphLiteProcess> StartAsync(params string[] arguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts(1)[0]}/");
        return LaunchAsync(baseAddress, httpsBaseAddress: null, arguments);
    }

    private static async Task<GraphLiteProcess> LaunchAsync(Uri baseAddress, Uri? httpsBaseAddress, IEnumerable<string> arguments)
    {
        var urls = httpsBaseAddress is null ? [baseAddress] : new[] { httpsBaseAddress, baseAddress };
        var startInfo = DotnetStartInfo();
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(string.Join(';', urls.Select(url => url.ToString().TrimEnd('/'))));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new GraphLiteProcess(process, baseAddress, httpsBaseAddress);
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    private static ProcessStartInfo DotnetStartInfo()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphLite.dll"));
        return startInfo;
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

    /// <summary>Returns distinct free loopback ports; the listeners stay open until all are chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
