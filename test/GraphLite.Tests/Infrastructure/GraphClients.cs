using System.Net.Http.Headers;
using GraphLite.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// Creates HTTP clients and bearer tokens for an in-process GraphLite, including factories derived with
/// <c>WithWebHostBuilder</c>. Tokens are signed with the key of that GraphLite's own data folder.
/// </summary>
public static class GraphClients
{
    public static readonly Uri BaseAddress = new("http://localhost/v1.0/");

    /// <summary>
    /// Creates a client whose relative URLs resolve under <c>/v1.0/</c> and that sends a token with every
    /// permission, or no token when authentication is off.
    /// </summary>
    public static HttpClient CreateGraphClient(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateGraphClient(FullAccessToken(factory));
    }

    /// <summary>
    /// Creates a client with a token that has every permission, whose relative URLs resolve under
    /// <paramref name="baseAddress"/>, e.g. <c>https://localhost/v1.0/</c> for a request over https.
    /// </summary>
    public static HttpClient CreateGraphClient(this WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Create(factory, baseAddress, FullAccessToken(factory));
    }

    /// <summary>Creates a client that sends <paramref name="accessToken"/> as its bearer token, or no token for null.</summary>
    public static HttpClient CreateGraphClient(this WebApplicationFactory<Program> factory, string? accessToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Create(factory, BaseAddress, accessToken);
    }

    private static HttpClient Create(WebApplicationFactory<Program> factory, Uri baseAddress, string? accessToken)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseAddress, AllowAutoRedirect = false });
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Creates an app token that carries exactly <paramref name="permissions"/> in roles.</summary>
    public static string CreateAccessToken(this WebApplicationFactory<Program> factory, params string[] permissions) =>
        factory.CreateAccessToken(new TokenRequest(permissions, TokenRequest.DefaultLifetime));

    public static string CreateAccessToken(this WebApplicationFactory<Program> factory, TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.Services.GetRequiredService<OfflineTokenIssuer>().Issue(request);
    }

    private static string? FullAccessToken(WebApplicationFactory<Program> factory)
    {
        var settings = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!settings.Enabled)
        {
            return null;
        }

        if (settings.Mode != AuthMode.Offline)
        {
            throw new InvalidOperationException("In OIDC mode the test's issuer signs the tokens; pass one to CreateGraphClient(accessToken).");
        }

        var permissions = factory.Services.GetRequiredService<GraphPermissions>().FullAccess;
        return factory.CreateAccessToken([.. permissions]);
    }
}
