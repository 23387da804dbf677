using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.EntitySet;

/// <summary>The entity set over real Kestrel: raw request targets, the request line and absolute links.</summary>
[NonParallelizable]
public sealed class KestrelEntitySetTests : KeyTestsBase
{
    private GraphLiteProcess _server = null!;

    protected override string Root => $"{_server.BaseAddress}v1.0/";

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = await GraphLiteProcess.StartAsync();
        Client = _server.CreateClient(_server.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    [TestCaseSource(nameof(RawTargetIds))]
    public Task EncodedSlashKey_RoundTripsThroughLocation(string id) => AssertRoundTripThroughLocationAsync($"location-{id}");

    [TestCaseSource(nameof(RawTargetIds))]
    public Task EncodedSlashKey_RoundTripsInParentheses(string id) => AssertRoundTripInParenthesesAsync($"parentheses-{id}");

    [Test]
    public async Task Url_Returns414GraphError_OverKestrel()
    {
        var response = await Client.GetAsync($"participantLeftNotifications?$filter=participantId eq '{new string('k', 9000)}'");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
        error.GetProperty("message").GetString().Should().StartWith("The request URL has 9066 characters; the limit is 8192.");
    }

    [Test]
    public async Task NextLink_UsesServerHostAndPort()
    {
        await Client.SeedAsync("kestrel-page-1", "p");
        await Client.SeedAsync("kestrel-page-2", "p");

        var first = await Client.GetPageAsync("participantLeftNotifications?$top=1&$filter=startswith(id,'kestrel-page-')");
        var second = await Client.GetPageAsync(first.NextLink()!);

        first.NextLink().Should().StartWith($"{_server.BaseAddress}v1.0/participantLeftNotifications?$top=1&$filter=");
        first.Ids().Concat(second.Ids()).Should().Equal("kestrel-page-1", "kestrel-page-2");
        second.NextLink().Should().BeNull();
    }

    [Test]
    public async Task Get_Returns304_OverKestrel()
    {
        var etag = await Client.SeedAsync("kestrel-etag", "p");

        var response = await Client.SendJsonAsync(HttpMethod.Get, "participantLeftNotifications/kestrel-etag", null, ("If-None-Match", etag));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Header("ETag").Should().Be(etag);
    }
}
