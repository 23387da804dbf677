namespace GraphLite.Bench.Runner;

/// <summary>Where the runner finds the servers it starts and keeps the files it makes for one run.</summary>
internal sealed class BenchPaths
{
    private const string Configuration = "Release";
    private const string TargetFramework = "net10.0";

    public BenchPaths(string repositoryRoot)
    {
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
        BenchDirectory = Path.Combine(RepositoryRoot, "test", "bench");
        WorkDirectory = Path.Combine(Path.GetTempPath(), $"graphlite-bench-{Environment.ProcessId}");
    }

    public string RepositoryRoot { get; }

    public string BenchDirectory { get; }

    /// <summary>A folder for data files and data folders of this run, deleted at its end.</summary>
    public string WorkDirectory { get; }

    public string GraphLiteAssembly => Path.Combine(RepositoryRoot, "src", "GraphLite", "bin", Configuration, TargetFramework, "GraphLite.dll");

    public string CeilingAssembly => BuildOutput("Ceiling", "GraphLite.Bench.Ceiling.dll");

    public string ODataFloorAssembly => BuildOutput("ODataFloor", "GraphLite.Bench.ODataFloor.dll");

    public string LoaderAssembly => BuildOutput("Loader", "GraphLite.Bench.Loader.dll");

    public string JsonServerCli => Path.Combine(BenchDirectory, "node_modules", "json-server", "lib", "cli", "bin.js");

    public string WrkScript => Path.Combine(BenchDirectory, "wrk", "scenario.lua");

    /// <summary>Returns a new, empty folder under <see cref="WorkDirectory"/>.</summary>
    public string NewWorkFolder(string name)
    {
        var folder = Path.Combine(WorkDirectory, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private string BuildOutput(string project, string assembly) =>
        Path.Combine(BenchDirectory, project, "bin", Configuration, TargetFramework, assembly);
}
