using System.Security.Cryptography;
using GraphLite.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Builds tokens with chosen flaws: wrong key, audience, issuer or lifetime, tampered claims.</summary>
public static class TestTokens
{
    public const string ReadPermission = "ParticipantLeftNotification.Read.All";
    public const string ReadWritePermission = "ParticipantLeftNotification.ReadWrite.All";

    /// <summary>Signs a token like an offline GraphLite token, with every claim open to change.</summary>
    public static string Create(
        SigningCredentials credentials,
        string issuer = OfflineTokenIssuer.Issuer,
        string audience = OfflineTokenIssuer.Audience,
        DateTime? notBefore = null,
        DateTime? expires = null,
        IDictionary<string, object>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);

        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = start,
            NotBefore = start,
            Expires = expires ?? start.AddHours(1),
            Claims = claims ?? new Dictionary<string, object> { ["sub"] = "tester", ["roles"] = new[] { ReadWritePermission } },
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Credentials of a fresh RSA key that GraphLite does not know.</summary>
    public static SigningCredentials ForeignCredentials()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "foreign-key" };
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Replaces the payload of a signed token and keeps its signature.</summary>
    public static string WithPayload(string token, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(token);

        var parts = token.Split('.');
        parts[1] = Base64UrlEncoder.Encode(payloadJson);
        return string.Join('.', parts);
    }

    /// <summary>Returns the decoded payload of a token.</summary>
    public static string Payload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Base64UrlEncoder.Decode(token.Split('.')[1]);
    }
}
