using System.Globalization;

namespace GraphLite.Bench.Runner;

/// <summary>Reads a process's CPU time and resident memory from Linux's /proc.</summary>
internal static class ProcessStats
{
    /// <summary>Clock ticks per second of utime and stime in /proc/PID/stat; 100 on every Linux build in use.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Returns the user plus system CPU time the process has used so far.</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name in field 2 is in parentheses and may contain spaces. utime and stime are fields 14
        // and 15, so they are the 12th and 13th after the closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Returns the resident set size (VmRSS) in mebibytes.</summary>
    public static double ResidentMebibytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kibibytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kibibytes / 1024.0;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line.");
    }
}
