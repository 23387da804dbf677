using System.Net;
using GraphLite.Auth;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.Auth;

[NonParallelizable]
public sealed class OidcModeTests
{
    private const string Audience = "api://graphlite-tests";

    private LocalOidcIssuer _issuer = null!;
    private GraphLiteFactory _baseFactory = null!;
    private WebApplicationFactory<Program> _factory = null!;

    [OneTimeSetUp]
    public async Task StartIssuerAsync() => _issuer = await LocalOidcIssuer.StartAsync();

    [OneTimeTearDown]
    public async Task StopIssuerAsync() => await _issuer.DisposeAsync();

    [SetUp]
    public void SetUp()
    {
        _baseFactory = new GraphLiteFactory();
        _factory = _baseFactory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphLite:Auth:Mode", "Oidc")
            .UseSetting("GraphLite:Auth:Authority", _issuer.Issuer)
            .UseSetting("GraphLite:Auth:Audience", Audience)
            .UseSetting("GraphLite:Auth:RequireHttpsMetadata", "false"));
    }

    [TearDown]
    public void TearDown()
    {
        _factory.Dispose();
        _baseFactory.Dispose();
    }

    [Test]
    public async Task Create_Succeeds_WithIssuerToken()
    {
        using var client = _factory.CreateGraphClient(IssuerToken());

        var response = await client.CreateAsync(Requests.Notification("oidc"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task Create_Returns403_WithReadOnlyIssuerToken()
    {
        var token = TestTokens.Create(_issuer.Credentials, _issuer.Issuer, Audience,
            claims: new Dictionary<string, object> { ["sub"] = "app", ["roles"] = new[] { TestTokens.ReadPermission } });
        using var client = _factory.CreateGraphClient(token);

        var response = await client.CreateAsync(Requests.Notification("oidc"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Test]
    public async Task Request_Returns401_ForForeignKey()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(TestTokens.ForeignCredentials(), _issuer.Issuer, Audience));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidSignature);
    }

    [Test]
    public async Task Request_Returns401_ForOfflineAudience()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(_issuer.Credentials, _issuer.Issuer, OfflineTokenIssuer.Audience));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidAudience);
    }

    [Test]
    public async Task Request_Returns401_ForOfflineIssuer()
    {
        using var client = _factory.CreateGraphClient(TestTokens.Create(_issuer.Credentials, OfflineTokenIssuer.Issuer, Audience));

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.InvalidIssuer);
    }

    [Test]
    public async Task Request_Returns401_ForExpiredToken()
    {
        var token = TestTokens.Create(_issuer.Credentials, _issuer.Issuer, Audience,
            notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Expired);
    }

    [Test]
    public async Task Request_Returns401_WithoutToken()
    {
        using var client = _factory.CreateGraphClient(accessToken: null);

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeRejectedAsync(response, TokenFailureMessages.Empty);
    }

    [Test]
    public void Startup_Fails_WithoutAudience()
    {
        using var factory = _baseFactory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphLite:Auth:Mode", "Oidc")
            .UseSetting("GraphLite:Auth:Authority", _issuer.Issuer)
            .UseSetting("GraphLite:Auth:RequireHttpsMetadata", "false"));

        var act = () => factory.CreateGraphClient(accessToken: null);

        act.Should().Throw<OptionsValidationException>().WithMessage("*GraphLite:Auth:Audience is required in OIDC mode*");
    }

    [Test]
    public void Startup_Fails_ForHttpAuthority()
    {
        using var factory = _baseFactory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphLite:Auth:Mode", "Oidc")
            .UseSetting("GraphLite:Auth:Authority", _issuer.Issuer)
            .UseSetting("GraphLite:Auth:Audience", Audience));

        var act = () => factory.CreateGraphClient(accessToken: null);

        act.Should().Throw<OptionsValidationException>().WithMessage("*GraphLite:Auth:Authority must use https*");
    }

    private string IssuerToken() => TestTokens.Create(_issuer.Credentials, _issuer.Issuer, Audience);

    private async Task ShouldBeRejectedAsync(HttpResponseMessage response, string message)
    {
        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        error.GetProperty("message").GetString().Should().Be(message);
        response.Header("WWW-Authenticate").Should().Be(
            $"Bearer realm=\"\", authorization_uri=\"{_issuer.AuthorizationEndpoint}\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }
}
