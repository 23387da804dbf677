using System.Security.Cryptography;
using GraphLite.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>
/// Reads the offline signing key from the data folder, creating it on first start: an RSA 2048 private key in
/// PKCS#8 PEM, readable by its owner only (mode 600 on Unix).
/// </summary>
/// <remarks>
/// The key is written to a temporary file and then linked to its final name without overwriting. Two processes
/// that start at once both write a key, one of them wins, and both read the winner's file. No process reads a
/// half-written file.
/// </remarks>
public static class SigningKeyStore
{
    public const string FileName = "token-signing-key.pem";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static SigningKey LoadOrCreate(DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);

        var path = folder.FilePath(FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Load(path);
    }

    /// <summary>Reads a key file, tightening its mode to 600 when group or others could read it.</summary>
    /// <exception cref="InvalidOperationException">The file is not a PEM RSA private key.</exception>
    public static SigningKey Load(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException(
                $"The token signing key '{path}' is not a PEM RSA private key. Delete the file to have GraphLite create a new key; tokens signed with the old key then stop working.",
                exception);
        }

        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new SigningKey(key, path);
    }

    private static void Create(string path)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnly;
                }

                using var stream = new FileStream(temporary, options);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite, .NET links the file on Unix and fails when the name exists: the first key wins.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first; its key is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
