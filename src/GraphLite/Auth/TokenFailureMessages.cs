using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>
/// The <c>message</c> of a 401 <c>InvalidAuthenticationToken</c> for each way a bearer token fails, in Graph's words.
/// </summary>
public static class TokenFailureMessages
{
    public const string Empty = "Access token is empty.";

    /// <summary>Graph's message for a token that is not a compact JWT.</summary>
    public const string Malformed = "CompactToken parsing failed with error code: 80049217";

    public const string Expired = "Access token has expired or is not yet valid.";

    public const string InvalidSignature = "Access token validation failure. Invalid signature.";

    public const string InvalidAudience = "Access token validation failure. Invalid audience.";

    public const string InvalidIssuer = "Access token validation failure. Invalid issuer.";

    public const string ValidationFailure = "Access token validation failure.";

    /// <summary>Returns the message for an authentication failure; null means no token was sent.</summary>
    public static string For(Exception? failure) => failure switch
    {
        null => Empty,
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => For(aggregate.InnerExceptions[0]),
        SecurityTokenMalformedException => Malformed,

        // JsonWebTokenHandler reports a token with dots but undecodable parts (not base64url, not JSON) this way.
        ArgumentException => Malformed,
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException => Expired,
        SecurityTokenInvalidAudienceException => InvalidAudience,
        SecurityTokenInvalidIssuerException => InvalidIssuer,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            or SecurityTokenInvalidSigningKeyException or SecurityTokenInvalidAlgorithmException => InvalidSignature,
        _ => ValidationFailure,
    };
}
