using System.Diagnostics;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Runs the built GraphLite executable, e.g. its <c>token</c> command, and collects what it printed.</summary>
public static class GraphLiteCommand
{
    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
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

    /// <summary>Runs GraphLite with <paramref name="arguments"/> and waits up to a minute for it to exit.</summary>
    public static async Task<CommandResult> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(CreateStartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"GraphLite {string.Join(' ', arguments)} did not exit within a minute.");
        }

        return new CommandResult(process.ExitCode, await standardOutput, await standardError);
    }
}

/// <summary>The exit code and output of one GraphLite command.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
