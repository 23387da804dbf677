using System.Net;
using GraphLite.Auth;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Auth;

public sealed class PermissionTests
{
    private GraphLiteFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new GraphLiteFactory();

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Read_Succeeds_WithReadPermission()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadPermission));

        var response = await client.GetAsync(Requests.SetPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Create_Returns403_WithReadPermissionOnly()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadPermission));

        var response = await client.CreateAsync(Requests.Notification("denied"));

        await ShouldBeDeniedAsync(response);
    }

    [Test]
    public async Task Create_StoresNothing_WhenDenied()
    {
        using var reader = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadPermission));
        await reader.CreateAsync(Requests.Notification("denied", id: "denied-1"));

        var read = await reader.GetAsync($"{Requests.SetPath}/denied-1");

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ReadAndCreate_Succeed_WithReadWritePermission()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadWritePermission));

        var created = await client.CreateAsync(Requests.Notification("allowed"));
        var read = await client.GetAsync(Requests.SetPath);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Read_Returns403_WithoutAnyPermission()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken());

        var response = await client.GetAsync(Requests.SetPath);

        await ShouldBeDeniedAsync(response);
    }

    [Test]
    public async Task Read_Returns403_WithPermissionOfAnotherResource()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken("User.ReadWrite.All", "Calls.AccessMedia.All"));

        var response = await client.GetAsync($"{Requests.SetPath}/some-id");

        await ShouldBeDeniedAsync(response);
    }

    [Test]
    public async Task Create_Succeeds_WithDelegatedScope()
    {
        var token = _factory.CreateAccessToken(new TokenRequest([TestTokens.ReadWritePermission], TimeSpan.FromMinutes(5), Delegated: true));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.CreateAsync(Requests.Notification("delegated"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task Create_Returns403_WithDelegatedReadScope()
    {
        var token = _factory.CreateAccessToken(new TokenRequest([TestTokens.ReadPermission], TimeSpan.FromMinutes(5), Delegated: true));
        using var client = _factory.CreateGraphClient(token);

        var response = await client.CreateAsync(Requests.Notification("delegated"));

        await ShouldBeDeniedAsync(response);
    }

    [Test]
    public async Task Read_Succeeds_WithKeyInParentheses()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadPermission));

        var response = await client.GetAsync($"{Requests.SetPath}('missing')");

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    private static async Task ShouldBeDeniedAsync(HttpResponseMessage response)
    {
        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        error.GetProperty("message").GetString().Should().Be("Insufficient privileges to complete the operation.");
        response.Headers.WwwAuthenticate.Should().BeEmpty();
    }
}
