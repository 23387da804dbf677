using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphLite.Https;

/// <summary>
/// Creates GraphLite's local certificate authority and the localhost server certificate that it signs.
/// </summary>
/// <remarks>
/// The authority carries a critical name constraint that permits only <c>localhost</c> (and its subdomains),
/// 127.0.0.1 and ::1. A client that trusts the authority therefore rejects any certificate it signs for another
/// host, even one signed with a stolen copy of its key. Both keys are ECDSA P-256.
/// </remarks>
public static class LocalCertificateIssuer
{
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>Stays under the 825 days that Apple platforms accept for a TLS server certificate.</summary>
    public static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(365);

    public static readonly IReadOnlyList<string> ServerNames = ["localhost", "127.0.0.1", "::1"];

    // Backdating tolerates a client clock that runs slightly behind the server's.
    private static readonly TimeSpan s_backdate = TimeSpan.FromHours(1);

    private static readonly Oid s_serverAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private const string NameConstraintsOid = "2.5.29.30";

    /// <summary>Creates a self-signed certificate authority, with its private key, valid from <paramref name="now"/>.</summary>
    public static X509Certificate2 CreateAuthority(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName("GraphLite");

        // The creation time distinguishes two GraphLite authorities in a trust store listing.
        name.AddCommonName($"GraphLite Local CA {now.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");

        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(LoopbackNameConstraints());
        return request.CreateSelfSigned(now - s_backdate, now + AuthorityLifetime);
    }

    /// <summary>
    /// Creates the server certificate for <see cref="ServerNames"/>, with its private key, signed by
    /// <paramref name="authority"/>. It expires after <see cref="ServerLifetime"/> or with the authority, whichever
    /// comes first.
    /// </summary>
    public static X509Certificate2 CreateServerCertificate(X509Certificate2 authority, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authority);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([s_serverAuthentication], critical: false));
        request.CertificateExtensions.Add(LoopbackSubjectAlternativeNames());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var authorityNotAfter = new DateTimeOffset(authority.NotAfter);
        var notAfter = now + ServerLifetime < authorityNotAfter ? now + ServerLifetime : authorityNotAfter;
        using var signed = request.Create(authority, now - s_backdate, notAfter, RandomNumberGenerator.GetBytes(16));
        return signed.CopyWithPrivateKey(key);
    }

    private static X509Extension LoopbackSubjectAlternativeNames()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        return names.Build(critical: false);
    }

    /// <summary>
    /// Encodes RFC 5280's NameConstraints with permitted subtrees for the DNS name <c>localhost</c>, 127.0.0.1/32
    /// and ::1/128. .NET has no builder for this extension.
    /// </summary>
    private static X509Extension LoopbackNameConstraints()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            // permittedSubtrees [0] GeneralSubtrees; each GeneralSubtree is a SEQUENCE whose base is a GeneralName.
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, "localhost", new Asn1Tag(TagClass.ContextSpecific, 2));
                }

                WritePermittedAddress(writer, IPAddress.Loopback);
                WritePermittedAddress(writer, IPAddress.IPv6Loopback);
            }
        }

        return new X509Extension(NameConstraintsOid, writer.Encode(), critical: true);
    }

    /// <summary>Writes an iPAddress [7] subtree: the address followed by an all-ones mask of the same length.</summary>
    private static void WritePermittedAddress(AsnWriter writer, IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var addressAndMask = new byte[bytes.Length * 2];
        bytes.CopyTo(addressAndMask, 0);
        addressAndMask.AsSpan(bytes.Length).Fill(0xFF);

        using (writer.PushSequence())
        {
            writer.WriteOctetString(addressAndMask, new Asn1Tag(TagClass.ContextSpecific, 7));
        }
    }
}
