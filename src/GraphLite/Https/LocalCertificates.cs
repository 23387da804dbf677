using System.Security.Cryptography.X509Certificates;

namespace GraphLite.Https;

/// <summary>GraphLite's certificate authority and the localhost server certificate it signed, both with private keys.</summary>
public sealed record LocalCertificates(X509Certificate2 Authority, X509Certificate2 Server);
