using System.Diagnostics;

namespace GraphLite.Bench.Runner.Servers;

/// <summary>Gets a bearer token from GraphLite's <c>token</c> command, when this build has one.</summary>
internal static class GraphLiteToken
{
    /// <summary>Returns the token (the last line the command prints), or null when GraphLite has no token command.</summary>
    public static async Task<string?> CreateAsync(BenchPaths paths, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(paths.GraphLiteAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(paths.GraphLiteAssembly);
        startInfo.ArgumentList.Add("token");
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        if (process.ExitCode != 0)
        {
            if ((await error).Contains("Unknown command 'token'", StringComparison.Ordinal))
            {
                return null;
            }

            throw new InvalidOperationException($"GraphLite's token command failed with exit code {process.ExitCode}: {await error}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? throw new InvalidOperationException("GraphLite's token command printed nothing.") : lines[^1];
    }
}
