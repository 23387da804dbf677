namespace GraphLite.Bench.Runner;

/// <summary>
/// Writes a run into the results file between its run markers, keeping the text around them (the profile
/// findings) as it is.
/// </summary>
internal static class ResultsFile
{
    public const string StartMarker = "<!-- run:start (test/bench/run writes from here to run:end) -->";
    public const string EndMarker = "<!-- run:end -->";

    public static async Task WriteAsync(string path, string run, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "# Benchmark results\n\n" + StartMarker + "\n" + EndMarker + "\n";
        var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} has no '{StartMarker}' line before an '{EndMarker}' line.");
        }

        var updated = existing[..(start + StartMarker.Length)] + "\n" + run.TrimEnd() + "\n" + existing[end..];
        await File.WriteAllTextAsync(path, updated, cancellationToken);
    }
}
