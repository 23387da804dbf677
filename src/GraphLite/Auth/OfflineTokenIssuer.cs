using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>
/// Issues the bearer tokens of offline mode, shaped like Microsoft Entra access tokens for Graph: permissions in
/// <c>roles</c> (app tokens) or <c>scp</c> (delegated tokens), signed RS256 with the data folder's key.
/// </summary>
public sealed class OfflineTokenIssuer(SigningKey signingKey)
{
    /// <summary>The iss of offline tokens. It is a URN because no web authority issues them.</summary>
    public const string Issuer = "urn:graphlite:offline";

    /// <summary>The aud of offline tokens: Microsoft Graph's resource URI, as in Entra tokens for Graph.</summary>
    public const string Audience = "https://graph.microsoft.com";

    public SigningKey SigningKey { get; } = signingKey;

    public string Issue(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = request.Subject,
            ["appid"] = request.ClientId,
            ["idtyp"] = request.Delegated ? "user" : "app",
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (request.Delegated)
        {
            claims["scp"] = string.Join(' ', request.Permissions);
        }
        else
        {
            claims["roles"] = request.Permissions.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + request.Lifetime,
            Claims = claims,
            SigningCredentials = SigningKey.Credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>What an offline token carries.</summary>
/// <param name="Permissions">Permission names such as <c>ParticipantLeftNotification.ReadWrite.All</c>.</param>
/// <param name="Lifetime">The time from now until the token expires.</param>
/// <param name="Delegated">True for <c>scp</c> (a signed-in user), false for <c>roles</c> (an application).</param>
/// <param name="Subject">The sub claim; the rate limiter can count requests per subject.</param>
/// <param name="ClientId">The appid claim; the rate limiter can count requests per client.</param>
public sealed record TokenRequest(
    IReadOnlyList<string> Permissions,
    TimeSpan Lifetime,
    bool Delegated = false,
    string Subject = TokenRequest.DefaultSubject,
    string ClientId = TokenRequest.DefaultClientId)
{
    public const string DefaultSubject = "graphlite-local";
    public const string DefaultClientId = "graphlite-local";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
}
