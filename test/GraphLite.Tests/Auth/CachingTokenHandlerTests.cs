using System.Security.Claims;
using GraphLite.Auth;
using GraphLite.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Tests.Auth;

public sealed class CachingTokenHandlerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TokenValidationParameters s_parameters = new() { ClockSkew = TimeSpan.Zero };

    private readonly ManualTimeProvider _clock = new(s_start);

    [Test]
    public async Task Validate_ChecksRepeatedTokenOnce()
    {
        var inner = new CountingHandler(accept: true);
        var handler = new CachingTokenHandler(inner, _clock);
        var token = Token(expires: s_start.AddMinutes(5));

        var first = await handler.ValidateTokenAsync(token, s_parameters);
        var second = await handler.ValidateTokenAsync(token, s_parameters);

        first.IsValid.Should().BeTrue();
        second.IsValid.Should().BeTrue();
        second.ClaimsIdentity.FindFirst("sub")!.Value.Should().Be("user-1");
        inner.Calls.Should().Be(1);
    }

    [Test]
    public async Task Validate_ChecksTokenAgain_AfterItExpires()
    {
        var inner = new CountingHandler(accept: true);
        var handler = new CachingTokenHandler(inner, _clock);
        var token = Token(expires: s_start.AddMinutes(5));
        await handler.ValidateTokenAsync(token, s_parameters);

        _clock.Advance(TimeSpan.FromMinutes(5));
        inner.Accept = false;
        var late = await handler.ValidateTokenAsync(token, s_parameters);

        late.IsValid.Should().BeFalse();
        inner.Calls.Should().Be(2);
    }

    [Test]
    public async Task Validate_DoesNotRemember_RejectedToken()
    {
        var inner = new CountingHandler(accept: false);
        var handler = new CachingTokenHandler(inner, _clock);
        var token = Token(expires: s_start.AddMinutes(5));

        var first = await handler.ValidateTokenAsync(token, s_parameters);
        var second = await handler.ValidateTokenAsync(token, s_parameters);

        first.IsValid.Should().BeFalse();
        second.IsValid.Should().BeFalse();
        inner.Calls.Should().Be(2);
    }

    [Test]
    public async Task Validate_GivesEachCallItsOwnIdentity()
    {
        var handler = new CachingTokenHandler(new CountingHandler(accept: true), _clock);
        var token = Token(expires: s_start.AddMinutes(5));

        var first = await handler.ValidateTokenAsync(token, s_parameters);
        first.ClaimsIdentity.AddClaim(new Claim("added", "by-one-request"));
        var second = await handler.ValidateTokenAsync(token, s_parameters);

        second.ClaimsIdentity.Should().NotBeSameAs(first.ClaimsIdentity);
        second.ClaimsIdentity.FindFirst("added").Should().BeNull();
    }

    /// <summary>An unsigned token with a subject and an expiry; the counting handler decides whether it is valid.</summary>
    private static string Token(DateTimeOffset expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "user-1")]),
        IssuedAt = s_start.UtcDateTime,
        NotBefore = s_start.UtcDateTime,
        Expires = expires.UtcDateTime,
    });

    /// <summary>A token handler that accepts or rejects every token, and counts the tokens it was asked about.</summary>
    private sealed class CountingHandler(bool accept) : TokenHandler
    {
        public bool Accept { get; set; } = accept;

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            var jwt = new JsonWebToken(token);
            return Task.FromResult(Accept
                ? new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = jwt,
                    ClaimsIdentity = new ClaimsIdentity(jwt.Claims, "Bearer"),
                }
                : new TokenValidationResult { IsValid = false, Exception = new SecurityTokenInvalidSignatureException("rejected") });
        }
    }
}
