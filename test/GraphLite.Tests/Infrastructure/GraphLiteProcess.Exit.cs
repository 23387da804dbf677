using System.Diagnostics;

namespace GraphLite.Tests.Infrastructure;

/// <summary>GraphLite processes that end on their own (a failed start-up) or are killed as a crash would end them.</summary>
public sealed partial class GraphLiteProcess
{
    /// <summary>
    /// Runs GraphLite with arguments that should stop its start-up, in a temporary data folder unless the arguments
    /// name one, and returns its exit code and output. A server that starts anyway is killed after
    /// <paramref name="timeout"/>, and the exit code is then -1.
    /// </summary>
    public static Task<CommandResult> RunUntilExitAsync(TimeSpan timeout, params string[] arguments) =>
        RunUntilExitAsync(timeout, new Dictionary<string, string>(), arguments);

    /// <summary>Runs GraphLite as <see cref="RunUntilExitAsync(TimeSpan, string[])"/> does, with environment variables set, e.g. <c>GraphLite__Storage__Provider</c>.</summary>
    public static async Task<CommandResult> RunUntilExitAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);

        var dataFolder = DataFolderArgument(arguments) is null ? TestDataFolders.CreateWithKey() : null;
        var startInfo = DotnetStartInfo();
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{FreePorts(1)[0]}");
        foreach (var argument in dataFolder is null ? arguments : [.. arguments, $"--{DataFolderKey}={dataFolder}"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            return await RunAsync(startInfo, timeout);
        }
        finally
        {
            if (dataFolder is not null)
            {
                TestDataFolders.Delete(dataFolder);
            }
        }
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

    private static async Task<CommandResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
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

        return new CommandResult(exitCode, await standardOutput, await standardError);
    }
}
