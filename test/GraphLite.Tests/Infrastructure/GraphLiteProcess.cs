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
        var process = Process.Start(CreateStartInfo(["--urls", baseAddress.ToString().TrimEnd('/'), .. arguments]))
            ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new GraphLiteProcess(process, baseAddress);
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>
    /// Runs GraphLite with arguments that should stop its start-up, and returns its exit code and output. A server
    /// that starts anyway is killed after <paramref name="timeout"/>, and the exit code is then -1.
    /// </summary>
    public static Task<ProcessResult> RunUntilExitAsync(TimeSpan timeout, params string[] arguments) =>
        RunUntilExitAsync(timeout, new Dictionary<string, string>(), arguments);

    /// <summary>Runs GraphLite as <see cref="RunUntilExitAsync(TimeSpan, string[])"/> does, with environment variables set, e.g. <c>GraphLite__Storage__Provider</c>.</summary>
    public static async Task<ProcessResult> RunUntilExitAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = CreateStartInfo(["--urls", $"http://127.0.0.1:{FreePort()}", .. arguments]);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(timeout);
        var exitCode = -1;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new ProcessResult(exitCode, await standardOutput, await standardError);
    }

    /// <summary>Ends the process with SIGKILL, as a crash would, without waiting for anything it has in flight.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
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

    private static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphLite.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How a GraphLite process ended: its exit code and everything it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
