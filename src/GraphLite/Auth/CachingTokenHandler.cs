using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>
/// Remembers the tokens that another handler accepted, so that a client sending the same bearer token on every
/// request has its signature checked once rather than on each request.
/// </summary>
/// <remarks>
/// A remembered token is accepted until its <c>exp</c> plus the clock skew, as the wrapped handler would accept it;
/// each request gets its own copy of the token's identity. Rejected tokens are never remembered, so their failure
/// messages stay the wrapped handler's. The cache contains at most <see cref="Capacity"/> tokens.
/// </remarks>
public sealed class CachingTokenHandler(TokenHandler inner, TimeProvider clock) : TokenHandler
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, TokenValidationResult> _accepted = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);

        var now = clock.GetUtcNow().UtcDateTime;
        if (token is not null && _accepted.TryGetValue(token, out var accepted))
        {
            if (IsCurrent(accepted, validationParameters, now))
            {
                return Copy(accepted);
            }

            _accepted.TryRemove(token, out _);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && token is not null && IsCurrent(result, validationParameters, now))
        {
            MakeRoom(validationParameters, now);
            _accepted[token] = result;
            return Copy(result);
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private static bool IsCurrent(TokenValidationResult result, TokenValidationParameters validationParameters, DateTime now) =>
        result.SecurityToken is { } securityToken
        && securityToken.ValidTo != DateTime.MinValue
        && now < securityToken.ValidTo + validationParameters.ClockSkew;

    /// <summary>Drops expired tokens when the cache is full, and everything when none has expired.</summary>
    private void MakeRoom(TokenValidationParameters validationParameters, DateTime now)
    {
        if (_accepted.Count < Capacity)
        {
            return;
        }

        foreach (var (token, result) in _accepted)
        {
            if (!IsCurrent(result, validationParameters, now))
            {
                _accepted.TryRemove(token, out _);
            }
        }

        if (_accepted.Count >= Capacity)
        {
            _accepted.Clear();
        }
    }

    private static TokenValidationResult Copy(TokenValidationResult accepted) => new()
    {
        IsValid = true,
        ClaimsIdentity = accepted.ClaimsIdentity.Clone(),
        SecurityToken = accepted.SecurityToken,
        Issuer = accepted.Issuer,
        TokenType = accepted.TokenType,
        TokenContext = accepted.TokenContext,
    };
}
