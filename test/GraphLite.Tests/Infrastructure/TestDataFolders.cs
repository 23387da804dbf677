using GraphLite.Auth;
using GraphLite.Hosting;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// Temporary data folders, one per GraphLite under test, so no test reads or writes the user's real data folder.
/// </summary>
/// <remarks>
/// A new folder gets a copy of one signing key made once per test run: creating an RSA key for every factory would
/// slow the suite down. The tests of the key store itself start from empty folders.
/// </remarks>
public static class TestDataFolders
{
    private static readonly Lazy<string> s_keyTemplateFolder = new(() => Directory.CreateTempSubdirectory("graphlite-test-key-").FullName);

    private static readonly Lazy<string> s_keyTemplate = new(() => SigningKeyStore.LoadOrCreate(new DataFolder(s_keyTemplateFolder.Value)).Path);

    /// <summary>Creates an empty folder, readable by its owner only.</summary>
    public static string CreateEmpty() => Directory.CreateTempSubdirectory("graphlite-test-").FullName;

    /// <summary>Creates a folder that already contains a signing key.</summary>
    public static string CreateWithKey()
    {
        var folder = CreateEmpty();
        var keyPath = Path.Combine(folder, SigningKeyStore.FileName);
        File.Copy(s_keyTemplate.Value, keyPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return folder;
    }

    /// <summary>Deletes the folder of the shared key, once every test has run.</summary>
    public static void DeleteKeyTemplate()
    {
        if (s_keyTemplateFolder.IsValueCreated)
        {
            Delete(s_keyTemplateFolder.Value);
        }
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A process that has not exited yet may still hold a file; the folder is under the temp directory.
        }
    }
}
