using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Reads the certificate a server presents, validating it against one trusted root and nothing else.</summary>
public static class TlsProbe
{
    /// <summary>A chain policy that trusts <paramref name="root"/> alone, not the machine's trust store.</summary>
    public static X509ChainPolicy TrustOnly(X509Certificate2 root)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(root);
        return policy;
    }

    /// <summary>
    /// Completes a TLS handshake with <paramref name="root"/>'s host and port and returns the server certificate.
    /// Validates it against <paramref name="trustedRoot"/> alone, or against the machine's trust store when null.
    /// </summary>
    public static async Task<X509Certificate2> ServerCertificateAsync(Uri root, X509Certificate2? trustedRoot)
    {
        ArgumentNullException.ThrowIfNull(root);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(root.Host, root.Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = root.Host,
            CertificateChainPolicy = trustedRoot is null ? null : TrustOnly(trustedRoot),
        });

        return new X509Certificate2(tls.RemoteCertificate ?? throw new InvalidOperationException("The server sent no certificate."));
    }
}
