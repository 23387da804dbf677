using System.Collections.Concurrent;
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
    private readonly ConcurrentQueue<string> _output = new();

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

        // The start-up wait reads Kestrel's "Now listening on" lines, whatever appsettings.json sets.
        startInfo.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime");
        startInfo.ArgumentList.Add("Information");

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new GraphLiteProcess(process, baseAddress, httpsBaseAddress);
        process.OutputDataReceived += (_, line) => server.Record(line.Data);
        process.ErrorDataReceived += (_, line) => server.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await server.WaitUntilListeningAsync([.. urls], TimeSpan.FromSeconds(30));
        return server;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
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

    /// <summary>
    /// Waits until this process reports that it listens on every URL. Probing the port instead could reach another
    /// process that took the port between <see cref="FreePorts"/> and this process's bind.
    /// </summary>
    private async Task WaitUntilListeningAsync(IReadOnlyList<Uri> urls, TimeSpan timeout)
    {
        var expected = urls.Select(url => $"Now listening on: {url.ToString().TrimEnd('/')}").ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (expected.All(line => _output.Any(output => output.Contains(line, StringComparison.Ordinal))))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"GraphLite exited with code {_process.ExitCode} before it listened. Its output:\n{string.Join('\n', _output)}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"GraphLite did not listen on {string.Join(", ", urls)} within {timeout.TotalSeconds} s. Its output:\n{string.Join('\n', _output)}");
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
