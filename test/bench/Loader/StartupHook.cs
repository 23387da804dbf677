using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using GraphLite.Bench.Loader;

/// <summary>
/// The entry point the .NET runtime calls before GraphLite's <c>Main</c> when <c>DOTNET_STARTUP_HOOKS</c> names
/// this assembly. The runtime looks the type up by this exact name, outside any namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime requires the global type StartupHook.")]
internal static class StartupHook
{
    public const string RowsVariable = "GRAPHLITE_BENCH_ROWS";

    public static void Initialize()
    {
        var setting = Environment.GetEnvironmentVariable(RowsVariable);
        if (!long.TryParse(setting, out var rows) || rows < 0)
        {
            Console.WriteLine($"{BulkLoader.OutputPrefix} failed: {RowsVariable} must be a row count, not '{setting}'.");
            return;
        }

        DiagnosticListener.AllListeners.Subscribe(new HostBuildingObserver(rows));
    }
}
