using System.Net;
using GraphLite.Auth;
using GraphLite.Tests.Batch;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Auth;

public sealed class NoAuthTests
{
    [Test]
    public async Task Create_Succeeds_WithoutToken_WhenAuthIsOff()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.UseSetting("GraphLite:Auth:Enabled", "false"));
        using var client = factory.CreateGraphClient();

        var response = await client.CreateAsync(Requests.Notification("no-auth"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        client.DefaultRequestHeaders.Authorization.Should().BeNull();
    }

    [Test]
    public async Task Batch_RunsItemsWithoutToken_WhenAuthIsOff()
    {
        using var baseFactory = new GraphLiteFactory();
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.UseSetting("GraphLite:Auth:Enabled", "false"));
        using var client = factory.CreateGraphClient(accessToken: null);

        var response = await client.SendBatchAsync("""
            {"requests":[{"id":"1","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"participantId":"p"}}]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadResponsesAsync())["1"].GetProperty("status").GetInt32().Should().Be(201);
    }

    [Test]
    public async Task NoAuthSwitch_ServesAndWarns()
    {
        await using var server = await GraphLiteProcess.StartAsync(AuthExtensions.NoAuthSwitch);
        using var client = server.CreateGraphClient(accessToken: null);

        var response = await client.CreateAsync(Requests.Notification("no-auth"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        server.Output.Should().Contain(line => line.Contains("warn:", StringComparison.Ordinal) && line.Contains("Authentication is off", StringComparison.Ordinal));
    }

    [Test]
    public void ExpandSwitches_ReplacesNoAuth()
    {
        var expanded = AuthExtensions.ExpandSwitches(["--no-auth", "--urls", "http://127.0.0.1:5281"]);

        expanded.Should().Equal("--GraphLite:Auth:Enabled=false", "--urls", "http://127.0.0.1:5281");
    }
}
