using System.Net;
using GraphLite.Auth;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Auth;

public sealed class TokenValidationTests
{
    private const string OfflineChallenge =
        "Bearer realm=\"\", authorization_uri=\"urn:graphlite:offline\", client_id=\"00000003-0000-0000-c000-000000000000\"";

    private GraphLiteFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new GraphLiteFactory();

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Request_Returns401_WithoutHeader()
    {
        using var client = _factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Empty);
    }

    [TestCase("Bearer")]
    [TestCase("Bearer ")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public async Task Request_Returns401_WithoutBearerToken(string authorization)
    {
        using var client = _factory.CreateGraphClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Requests.SetPath);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Empty);
    }

    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    public async Task Request_Returns401_ForMalformedToken(string token)
    {
        using var client = _factory.CreateGraphClient(token);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Malformed);
    }

    [Test]
    public async Task Request_Returns401_ForForeignKey()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(TestTokens.ForeignCredentials()));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidSignature);
    }

    [Test]
    public async Task Request_Returns401_ForTamperedClaims()
    {
        var token = _factory.CreateAccessToken(TestTokens.ReadPermission);
        var payload = TestTokens.Payload(token).Replace(TestTokens.ReadPermission, TestTokens.ReadWritePermission, StringComparison.Ordinal);
        using var client = _factory.CreateGraphClient(TestTokens.WithPayload(token, payload));

        var response = await client.PostAsync(Requests.SetPath, Requests.Json(Requests.Notification("tampered")));

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidSignature);
    }

    [Test]
    public async Task Request_Returns401_ForUnsignedToken()
    {
        var token = _factory.CreateAccessToken(TestTokens.ReadWritePermission);
        var parts = token.Split('.');
        var unsigned = $"{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
        using var client = _factory.CreateGraphClient(unsigned);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidSignature);
    }

    [Test]
    public async Task Request_Returns401_ForOtherAudience()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(Credentials(), audience: "api://someone-else"));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidAudience);
    }

    [Test]
    public async Task Request_Returns401_ForOtherIssuer()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(Credentials(), issuer: "urn:someone-else"));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidIssuer);
    }

    [Test]
    public async Task Request_Returns401_ForExpiredToken()
    {
        var token = TestTokens.Create(Credentials(), notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Expired);
    }

    [Test]
    public async Task Request_Returns401_JustAfterExpiry()
    {
        var token = TestTokens.Create(Credentials(), notBefore: DateTime.UtcNow.AddMinutes(-10), expires: DateTime.UtcNow.AddSeconds(-5));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Expired);
    }

    [Test]
    public async Task Request_Returns401_ForFutureToken()
    {
        var token = TestTokens.Create(Credentials(), notBefore: DateTime.UtcNow.AddHours(2), expires: DateTime.UtcNow.AddHours(3));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Expired);
    }

    [Test]
    public async Task Request_Succeeds_WhenTokenIsValid()
    {
        using var client = _factory.CreateGraphClient();

        var response = await client.GetAsync(Requests.SetPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.WwwAuthenticate.Should().BeEmpty();
    }

    [Test]
    public async Task Request_AcceptsGraphAppIdAudience()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(Credentials(), audience: AuthOptions.GraphAppId));

        var response = await client.GetAsync(Requests.SetPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task UnknownSegment_Returns401_WhenNoToken()
    {
        using var client = _factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync("noSuchSet");

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Empty);
    }

    [Test]
    public async Task UnknownSegment_Returns400_WhenTokenIsValid()
    {
        using var client = _factory.CreateGraphClient();

        var response = await client.GetAsync("noSuchSet");

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    private Microsoft.IdentityModel.Tokens.SigningCredentials Credentials() =>
        _factory.Services.GetRequiredService<SigningKey>().Credentials;

    private static async Task ShouldBeRejectedAsync(HttpResponseMessage response, string message)
    {
        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        error.GetProperty("message").GetString().Should().Be(message);
        response.Header("WWW-Authenticate").Should().Be(OfflineChallenge);
    }
}
