using System.Diagnostics;

namespace GraphLite.Bench.Runner;

/// <summary>
/// A server under test as a child process: its output drained and kept in part for error messages, killed by its
/// own process id when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>A line the process wrote that starts with <see cref="WatchedPrefix"/>, once one has come.</summary>
    public string? WatchedLine { get; private set; }

    public string? WatchedPrefix { get; init; }

    public static ServerProcess Start(ProcessStartInfo startInfo, Uri baseAddress, string? watchedPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(startInfo);

        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        var server = new ServerProcess(process, baseAddress) { WatchedPrefix = watchedPrefix };
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Returns the last lines the process wrote, for an error message.</summary>
    public string LastOutput()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (WatchedPrefix is not null && line.StartsWith(WatchedPrefix, StringComparison.Ordinal))
        {
            WatchedLine = line;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
