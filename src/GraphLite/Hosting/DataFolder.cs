namespace GraphLite.Hosting;

/// <summary>
/// The folder where GraphLite keeps what it creates on first start (signing key, certificate, database files).
/// </summary>
/// <remarks>
/// Set by <c>GraphLite:DataFolder</c>; the default is <c>graphlite</c> under the user's local application data
/// folder (<c>~/.local/share/graphlite</c> on Linux). The folder is created readable by its owner only.
/// </remarks>
public sealed class DataFolder
{
    public const string ConfigurationKey = "GraphLite:DataFolder";

    public DataFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public static DataFolder FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var configured = configuration[ConfigurationKey];
        return new DataFolder(string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "graphlite")
            : configured);
    }

    /// <summary>Creates the folder if needed, with mode 700 on Unix, and returns the path of a file in it.</summary>
    public string FilePath(string fileName)
    {
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path);
            }
            else
            {
                Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return System.IO.Path.Combine(Path, fileName);
    }
}
