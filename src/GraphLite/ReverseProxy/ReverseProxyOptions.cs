namespace GraphLite.ReverseProxy;

/// <summary>
/// The reverse proxies whose X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-Prefix headers
/// GraphLite applies to a request, so that its links name the address that clients called. Bound from
/// <c>GraphLite:ReverseProxy</c>; both lists are empty by default, and then GraphLite ignores those headers.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "GraphLite:ReverseProxy";

    /// <summary>IP addresses of trusted proxies, e.g. <c>127.0.0.1</c> or <c>::1</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.1.0.0/16</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public bool HasTrustedProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
