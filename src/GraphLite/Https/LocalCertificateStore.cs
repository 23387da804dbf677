using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphLite.Hosting;

namespace GraphLite.Https;

/// <summary>
/// Keeps GraphLite's certificate authority and localhost server certificate in the data folder: creates them on
/// first use, reuses them later, and renews them before they expire.
/// </summary>
/// <remarks>
/// A server certificate with less than <see cref="RenewalMargin"/> left is replaced by a new one from the same
/// authority, so clients that trust the authority keep working. Only an authority near its own end is replaced,
/// and clients must then trust the new one.
/// NOTE: renewal runs when Kestrel binds its HTTPS addresses, so a process that keeps running past the margin
/// serves the old certificate until it restarts.
/// </remarks>
public sealed partial class LocalCertificateStore(DataFolder dataFolder, TimeProvider timeProvider, ILogger<LocalCertificateStore> logger)
{
    public const string FileName = "https.pem";

    public static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private LocalCertificates? _current;

    /// <summary>Returns the certificates, loading, creating or renewing them on the first call.</summary>
    public LocalCertificates GetOrCreate()
    {
        lock (_lock)
        {
            return _current ??= LoadOrCreate();
        }
    }

    private LocalCertificates LoadOrCreate()
    {
        var path = dataFolder.FilePath(FileName);
        var now = timeProvider.GetUtcNow();

        if (!File.Exists(path))
        {
            var created = Issue(authority: null, now);
            if (LocalCertificateFile.Write(path, created, replace: false))
            {
                LogCreated(logger, path, created.Authority.Subject);
            }
        }

        var stored = Read(path);
        if (IsCurrent(stored.Server, now))
        {
            var notAfter = stored.Server.NotAfter.ToUniversalTime();
            LogLoaded(logger, stored.Server.Thumbprint, path, notAfter);
            return stored;
        }

        if (IsCurrent(stored.Authority, now))
        {
            LocalCertificateFile.Write(path, Issue(stored.Authority, now), replace: true);
            LogRenewedServer(logger, path, stored.Authority.Subject);
        }
        else
        {
            var replacement = Issue(authority: null, now);
            LocalCertificateFile.Write(path, replacement, replace: true);
            var oldNotAfter = stored.Authority.NotAfter.ToUniversalTime();
            LogReplacedAuthority(logger, stored.Authority.Subject, oldNotAfter, replacement.Authority.Subject, path);
        }

        return Read(path);
    }

    private LocalCertificates Read(string path)
    {
        if (LocalCertificateFile.RestrictToOwner(path))
        {
            LogPermissionsRestored(logger, path);
        }

        try
        {
            return LocalCertificateFile.Read(path);
        }
        catch (Exception exception) when (exception is InvalidDataException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"GraphLite could not read its HTTPS certificate file '{path}': {exception.Message} Delete the file to have "
                + "GraphLite create a new certificate authority (clients must then trust the new one), or set "
                + "Kestrel:Certificates:Default to serve a certificate of your own.",
                exception);
        }
    }

    private static bool IsCurrent(X509Certificate2 certificate, DateTimeOffset now) =>
        new DateTimeOffset(certificate.NotBefore) <= now && now + RenewalMargin < new DateTimeOffset(certificate.NotAfter);

    private static LocalCertificates Issue(X509Certificate2? authority, DateTimeOffset now)
    {
        authority ??= LocalCertificateIssuer.CreateAuthority(now);
        return new LocalCertificates(authority, LocalCertificateIssuer.CreateServerCertificate(authority, now));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Created the certificate authority {Authority} and a localhost certificate in {Path}. Write the authority for trust stores with: dotnet run --project src/GraphLite -- cert export <path>")]
    private static partial void LogCreated(ILogger logger, string path, string authority);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Serving HTTPS with the localhost certificate {Thumbprint} from {Path}, valid until {NotAfter:u}")]
    private static partial void LogLoaded(ILogger logger, string thumbprint, string path, DateTime notAfter);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Renewed the localhost certificate in {Path}; it is signed by the same authority {Authority}, so clients that trust it need no change")]
    private static partial void LogRenewedServer(ILogger logger, string path, string authority);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Replaced the certificate authority {OldAuthority}, which expires {OldNotAfter:u}, with {NewAuthority} in {Path}. Clients must trust the new one: run cert export again and replace the old authority in their trust stores")]
    private static partial void LogReplacedAuthority(ILogger logger, string oldAuthority, DateTime oldNotAfter, string newAuthority, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "The HTTPS certificate file {Path} was readable by other users; its mode is 600 again. Its private keys may have been read")]
    private static partial void LogPermissionsRestored(ILogger logger, string path);
}
