using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect issuer on a loopback port: it serves a discovery document and its signing keys, as a
/// Microsoft Entra tenant does, and signs tokens for the tests. It never talks to any other host.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    private const string TenantPath = "/tenant-1/v2.0";

    private static readonly string[] s_algorithms = ["RS256"];

    private readonly WebApplication _app;

    private LocalOidcIssuer(WebApplication app, Uri root, RsaSecurityKey key)
    {
        _app = app;
        Authority = new Uri(root, TenantPath.TrimStart('/'));
        Key = key;
    }

    /// <summary>The issuer's URL, e.g. <c>http://127.0.0.1:41234/tenant-1/v2.0</c>; also the iss of its tokens.</summary>
    public Uri Authority { get; }

    public string Issuer => Authority.ToString();

    public string AuthorizationEndpoint => $"{Authority}/authorize";

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "local-issuer-key" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.MapGet($"{TenantPath}/.well-known/openid-configuration", (HttpContext context) =>
        {
            var authority = $"{context.Request.Scheme}://{context.Request.Host}{TenantPath}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = authority,
                ["authorization_endpoint"] = $"{authority}/authorize",
                ["token_endpoint"] = $"{authority}/token",
                ["jwks_uri"] = $"{authority}/keys",
                ["id_token_signing_alg_values_supported"] = s_algorithms,
            });
        });
        app.MapGet($"{TenantPath}/keys", () =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LocalOidcIssuer(app, new Uri($"{address}/"), key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
