using System.Globalization;
using System.Net;
using GraphLite.Auth;
using GraphLite.Tests.Batch;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.Throttling;

public sealed class ThrottlingTests
{
    private GraphLiteFactory _baseFactory = null!;

    [SetUp]
    public void SetUp() => _baseFactory = new GraphLiteFactory();

    [TearDown]
    public void TearDown() => _baseFactory.Dispose();

    [Test]
    public async Task Request_Returns429WithRetryAfter_OverTheLimit()
    {
        using var factory = Throttled("Subject");
        using var client = factory.CreateGraphClient();

        var first = await client.GetAsync(Requests.SetPath);
        var second = await client.GetAsync(Requests.SetPath);
        var third = await client.GetAsync(Requests.SetPath);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var error = await third.ShouldBeGraphErrorAsync(HttpStatusCode.TooManyRequests, "TooManyRequests");
        var retryAfter = int.Parse(third.Header("Retry-After"), CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(1, 60);
        error.GetProperty("message").GetString().Should().Be($"Too many requests. Please retry after {retryAfter} seconds.");
        third.Header("x-ms-ags-diagnostic").Should().NotBeEmpty();
    }

    [Test]
    public async Task Limit_CountsEachSubjectSeparately()
    {
        using var factory = Throttled("Subject");
        using var alice = factory.CreateGraphClient(Token(factory, subject: "alice", client: "app"));
        using var bob = factory.CreateGraphClient(Token(factory, subject: "bob", client: "app"));

        await alice.GetAsync(Requests.SetPath);
        await alice.GetAsync(Requests.SetPath);
        var aliceThird = await alice.GetAsync(Requests.SetPath);
        var bobFirst = await bob.GetAsync(Requests.SetPath);

        aliceThird.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        bobFirst.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ClientPartition_CountsSubjectsTogether()
    {
        using var factory = Throttled("Client");
        using var alice = factory.CreateGraphClient(Token(factory, subject: "alice", client: "app"));
        using var bob = factory.CreateGraphClient(Token(factory, subject: "bob", client: "app"));
        using var other = factory.CreateGraphClient(Token(factory, subject: "carol", client: "other-app"));

        await alice.GetAsync(Requests.SetPath);
        await bob.GetAsync(Requests.SetPath);
        var aliceAgain = await alice.GetAsync(Requests.SetPath);
        var otherFirst = await other.GetAsync(Requests.SetPath);

        aliceAgain.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        otherFirst.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Batch_ThrottlesEachItem_AndAnswers200()
    {
        using var factory = Throttled("Subject");
        using var client = factory.CreateGraphClient();

        var response = await client.SendBatchAsync("""
            {"requests":[
              {"id":"1","method":"GET","url":"/participantLeftNotifications"},
              {"id":"2","method":"GET","url":"/participantLeftNotifications","dependsOn":["1"]},
              {"id":"3","method":"GET","url":"/participantLeftNotifications","dependsOn":["2"]}
            ]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = await response.ReadResponsesAsync();
        items["1"].GetProperty("status").GetInt32().Should().Be(200);
        items["2"].GetProperty("status").GetInt32().Should().Be(200);
        var throttled = items["3"];
        throttled.GetProperty("status").GetInt32().Should().Be(429);
        int.Parse(throttled.Header("Retry-After"), CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        throttled.GetProperty("body").GetProperty("error").GetProperty("code").GetString().Should().Be("TooManyRequests");
    }

    [Test]
    public async Task Health_IsNotThrottled()
    {
        using var factory = Throttled("ClientAddress");
        using var client = factory.CreateGraphClient();
        await client.GetAsync(Requests.SetPath);
        await client.GetAsync(Requests.SetPath);

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Throttling_IsOff_ByDefault()
    {
        using var client = _baseFactory.CreateGraphClient();
        var statuses = new List<HttpStatusCode>();

        for (var index = 0; index < 25; index++)
        {
            statuses.Add((await client.GetAsync(Requests.SetPath)).StatusCode);
        }

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [TestCase("PermitLimit", "0", "GraphLite:Throttling:PermitLimit must be greater than 0")]
    [TestCase("WindowSeconds", "-1", "GraphLite:Throttling:WindowSeconds must be greater than 0")]
    public void Startup_Fails_WithInvalidSetting(string setting, string value, string message)
    {
        using var factory = _baseFactory.WithWebHostBuilder(builder => builder.UseSetting($"GraphLite:Throttling:{setting}", value));

        var act = () => factory.CreateGraphClient();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }

    private WebApplicationFactory<Program> Throttled(string partitionBy) => _baseFactory.WithWebHostBuilder(builder => builder
        .UseSetting("GraphLite:Throttling:Enabled", "true")
        .UseSetting("GraphLite:Throttling:PartitionBy", partitionBy)
        .UseSetting("GraphLite:Throttling:PermitLimit", "2")
        .UseSetting("GraphLite:Throttling:WindowSeconds", "60"));

    private static string Token(WebApplicationFactory<Program> factory, string subject, string client) =>
        factory.CreateAccessToken(new TokenRequest([TestTokens.ReadPermission], TimeSpan.FromMinutes(5), Subject: subject, ClientId: client));
}
