using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace GraphLite.Bench.Runner;

/// <summary>The machine and tool versions a run was taken on, for the results file.</summary>
internal static class MachineInfo
{
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    public static async Task<string> DescribeAsync(BenchPaths paths, string loadBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))?["MemTotal:".Length..].Trim();
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var commit = await OutputAsync("git", ["-C", paths.RepositoryRoot, "rev-parse", "--short", "HEAD"], cancellationToken);
        var dirty = await OutputAsync("git", ["-C", paths.RepositoryRoot, "status", "--porcelain", "--untracked-files=no"], cancellationToken);

        return $"""
            - Machine: {Environment.ProcessorCount} cores (nproc), {memory} memory, {cpu}, Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}
            - Load average (1, 5, 15 min): {loadBefore} at the start, {LoadAverage()} at the end
            - GraphLite commit {commit}{(string.IsNullOrWhiteSpace(dirty) ? string.Empty : " with uncommitted changes")}
            - .NET SDK {await OutputAsync("dotnet", ["--version"], cancellationToken)}, runtime {RuntimeInformation.FrameworkDescription}
            - Node.js {await OutputAsync("node", ["--version"], cancellationToken)}, json-server {JsonServerVersion(paths)}
            - {(await OutputAsync("wrk", ["-v"], cancellationToken)).Split('\n')[0].Trim()}
            """;
    }

    private static string JsonServerVersion(BenchPaths paths)
    {
        var manifest = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(paths.JsonServerCli)))!, "package.json");
        if (!File.Exists(manifest))
        {
            return "not installed";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    /// <summary>Returns what a command prints on stdout and stderr, or "unknown" when it cannot run.</summary>
    private static async Task<string> OutputAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return "unknown";
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return ((await output) + (await error)).Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
