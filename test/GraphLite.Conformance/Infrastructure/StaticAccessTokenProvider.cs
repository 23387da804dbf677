using Microsoft.Kiota.Abstractions.Authentication;

namespace GraphLite.Conformance;

/// <summary>Hands the Graph SDK and Kiota clients the token from <c>GRAPHLITE_TOKEN</c>, for loopback hosts only.</summary>
public sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1", "localhost", "[::1]"]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
}
