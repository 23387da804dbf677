using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GraphLite.Https;

/// <summary>
/// Reads and writes the PEM file that contains <see cref="LocalCertificates"/>: the server certificate, its key, the
/// authority certificate and its key, in that order. Only its owner can read it (mode 600 on Unix).
/// </summary>
/// <remarks>
/// One file, written to a temporary name and then renamed, means a reader sees either the old pair or the new pair,
/// never a server certificate next to an authority that did not sign it.
/// </remarks>
public static class LocalCertificateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Reads the file. Throws <see cref="InvalidDataException"/> when it is not a pair that GraphLite wrote.</summary>
    public static LocalCertificates Read(string path)
    {
        var text = File.ReadAllText(path);
        var blocks = new List<(string Label, string Pem)>();
        var remaining = text.AsSpan();
        while (PemEncoding.TryFind(remaining, out var fields))
        {
            blocks.Add((remaining[fields.Label].ToString(), remaining[fields.Location].ToString()));
            remaining = remaining[fields.Location.End..];
        }

        string[] expected = ["CERTIFICATE", "PRIVATE KEY", "CERTIFICATE", "PRIVATE KEY"];
        if (!blocks.Select(block => block.Label).SequenceEqual(expected))
        {
            throw new InvalidDataException(
                $"it holds the PEM blocks [{string.Join(", ", blocks.Select(block => block.Label))}] instead of [{string.Join(", ", expected)}].");
        }

        var server = LoadWithKey(blocks[0].Pem, blocks[1].Pem, "server");
        var authority = LoadWithKey(blocks[2].Pem, blocks[3].Pem, "authority");
        if (!authority.Extensions.OfType<X509BasicConstraintsExtension>().Any(constraints => constraints.CertificateAuthority))
        {
            throw new InvalidDataException($"its third block, {authority.Subject}, is not a certificate authority.");
        }

        if (!server.IssuerName.RawData.AsSpan().SequenceEqual(authority.SubjectName.RawData))
        {
            throw new InvalidDataException($"its server certificate was issued by {server.Issuer}, not by {authority.Subject}.");
        }

        return new LocalCertificates(authority, ForTlsServer(server));
    }

    /// <summary>
    /// Writes <paramref name="certificates"/> to <paramref name="path"/> in one rename. Returns false, and leaves
    /// the file alone, when <paramref name="replace"/> is false and the file already exists.
    /// </summary>
    public static bool Write(string path, LocalCertificates certificates, bool replace)
    {
        ArgumentNullException.ThrowIfNull(certificates);

        var text = new StringBuilder()
            .AppendLine(certificates.Server.ExportCertificatePem())
            .AppendLine(ExportPrivateKeyPem(certificates.Server))
            .AppendLine(certificates.Authority.ExportCertificatePem())
            .AppendLine(ExportPrivateKeyPem(certificates.Authority))
            .ToString();

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // Without replace, the move fails when another process created the file first, and that file wins.
            File.Move(temporary, path, overwrite: replace);
            return true;
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Returns true when group or others may read or write the file, which then gets mode 600 again.</summary>
    public static bool RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & ~OwnerOnly) == 0)
        {
            return false;
        }

        File.SetUnixFileMode(path, OwnerOnly);
        return true;
    }

    private static X509Certificate2 LoadWithKey(string certificatePem, string keyPem, string role)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidDataException($"its {role} certificate and key do not load together ({exception.Message}).", exception);
        }
    }

    private static string ExportPrivateKeyPem(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException($"The certificate {certificate.Subject} has no ECDSA private key to store.");
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>
    /// Returns a copy that SslStream can serve. On Windows, SslStream cannot use the ephemeral key that a PEM
    /// import creates, so the certificate goes through a PKCS#12 export and import first.
    /// </summary>
    private static X509Certificate2 ForTlsServer(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // TODO: the PKCS#12 round trip for Windows has not been run on Windows.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
