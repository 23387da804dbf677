using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Batch;

public sealed class BatchTests
{
    private GraphLiteFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new GraphLiteFactory();
        _client = _factory.CreateGraphClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Batch_AnswersSdkShapedBatch_AsGraphDoes()
    {
        // The shape the Graph SDKs send: GUID-like ids, url before method, leading slashes, dependsOn chains.
        const string batch = """
            {"requests":[
              {"id":"1","url":"/participantLeftNotifications","method":"POST","body":{"id":"sdk-1","participantId":"p-1"},"headers":{"Content-Type":"application/json"}},
              {"id":"2","url":"/participantLeftNotifications/sdk-1","method":"GET","dependsOn":["1"]},
              {"id":"3","url":"/participantLeftNotifications/missing","method":"GET","dependsOn":["2"]},
              {"id":"4","url":"/participantLeftNotifications?$select=id","method":"GET","dependsOn":["3"]}
            ]}
            """;

        var response = await _client.SendBatchAsync(batch);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        response.Header("OData-Version").Should().Be("4.0");
        var items = await response.ReadResponsesAsync();
        items.Keys.Should().Equal("1", "2", "3", "4");

        var created = items["1"];
        created.EnumerateObject().Select(property => property.Name).Should().Equal("id", "status", "headers", "body");
        created.GetProperty("status").GetInt32().Should().Be(201);
        created.HeaderNames().Should().BeEquivalentTo("ETag", "Location", "Content-Type", "OData-Version", "request-id", "client-request-id");
        created.Header("ETag").Should().Be("W/\"1\"");
        created.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        created.Header("OData-Version").Should().Be("4.0");
        created.Header("Location").Should().Be("http://localhost/v1.0/participantLeftNotifications/sdk-1");
        created.GetProperty("body").GetProperty("@odata.context").GetString().Should()
            .Be("http://localhost/v1.0/$metadata#participantLeftNotifications/$entity");
        created.GetProperty("body").GetProperty("participantId").GetString().Should().Be("p-1");

        items["2"].GetProperty("status").GetInt32().Should().Be(200);
        items["2"].GetProperty("body").GetProperty("id").GetString().Should().Be("sdk-1");

        var missing = items["3"];
        missing.GetProperty("status").GetInt32().Should().Be(404);
        missing.Header("Content-Type").Should().Be("application/json");
        var missingError = missing.GetProperty("body").GetProperty("error");
        missingError.GetProperty("code").GetString().Should().Be("Request_ResourceNotFound");
        missingError.GetProperty("innerError").GetProperty("request-id").GetString().Should().Be(missing.Header("request-id"));

        var skipped = items["4"];
        skipped.GetProperty("status").GetInt32().Should().Be(424);
        skipped.GetProperty("body").GetProperty("error").GetProperty("code").GetString().Should().Be("failedDependency");
        skipped.GetProperty("body").GetProperty("error").GetProperty("message").GetString().Should().Contain("'3'");
    }

    [Test]
    public async Task Batch_AcceptsUrlsWithoutLeadingSlash()
    {
        var response = await _client.SendBatchAsync("""
            {"requests":[{"id":"a","method":"POST","url":"participantLeftNotifications","headers":{"content-type":"application/json"},"body":{"participantId":"p"}}]}
            """);

        var items = await response.ReadResponsesAsync();
        items["a"].GetProperty("status").GetInt32().Should().Be(201);
    }

    [Test]
    public async Task Batch_RunsTwentyIndependentRequests()
    {
        var requests = Enumerable.Range(1, 20).Select(index =>
            $$$"""{"id":"{{{index}}}","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"id":"n-{{{index}}}","participantId":"p"}}""");

        var response = await _client.SendBatchAsync($$"""{"requests":[{{string.Join(',', requests)}}]}""");

        var items = await response.ReadResponsesAsync();
        items.Values.Select(item => item.GetProperty("status").GetInt32()).Should().AllBeEquivalentTo(201);
        var count = await _client.GetStringAsync($"{Requests.SetPath}/$count");
        count.Should().Be("20");
    }

    [Test]
    public async Task Batch_RunsDependentRequestsInOrder()
    {
        var requests = Enumerable.Range(1, 10).Select(index => index == 1
            ? """{"id":"1","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"id":"chain","participantId":"p"}}"""
            : $$"""{"id":"{{index}}","method":"GET","url":"/participantLeftNotifications/$count","dependsOn":["{{index - 1}}"]}""");

        var response = await _client.SendBatchAsync($$"""{"requests":[{{string.Join(',', requests)}}]}""");

        var items = await response.ReadResponsesAsync();
        items.Values.Skip(1).Select(item => item.GetProperty("body").GetString()).Should().AllBe("1");
    }

    [Test]
    public async Task Batch_MatchesDependsOnIgnoringCase()
    {
        var response = await _client.SendBatchAsync("""
            {"requests":[
              {"id":"Create","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"participantId":"p"}},
              {"id":"read","method":"GET","url":"/participantLeftNotifications/missing","dependsOn":["CREATE"]},
              {"id":"after","method":"GET","url":"/participantLeftNotifications","dependsOn":["READ"]}
            ]}
            """);

        var items = await response.ReadResponsesAsync();
        items["read"].GetProperty("status").GetInt32().Should().Be(404);
        items["after"].GetProperty("status").GetInt32().Should().Be(424);
    }

    [Test]
    public async Task Batch_ReturnsTextBodyAsString()
    {
        var response = await _client.SendBatchAsync("""{"requests":[{"id":"c","method":"GET","url":"/participantLeftNotifications/$count"}]}""");

        var item = (await response.ReadResponsesAsync())["c"];
        item.GetProperty("body").ValueKind.Should().Be(JsonValueKind.String);
        item.GetProperty("body").GetString().Should().Be("0");
    }

    [Test]
    public async Task Batch_PassesClientRequestIdToItems()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch")
        {
            Content = Requests.Json("""{"requests":[{"id":"1","method":"GET","url":"/participantLeftNotifications"},{"id":"2","method":"GET","url":"/participantLeftNotifications","headers":{"client-request-id":"own-id"}}]}"""),
        };
        request.Headers.Add("client-request-id", "batch-trace-1");

        var response = await _client.SendAsync(request);

        response.Header("client-request-id").Should().Be("batch-trace-1");
        var items = await response.ReadResponsesAsync();
        items["1"].Header("client-request-id").Should().Be("batch-trace-1");
        items["1"].Header("request-id").Should().NotBe(response.Header("request-id"));
        items["2"].Header("client-request-id").Should().Be("own-id");
    }

    [Test]
    public async Task Batch_Returns401_WithoutToken()
    {
        using var client = _factory.CreateGraphClient(accessToken: null);

        var response = await client.SendBatchAsync("""{"requests":[{"id":"1","method":"GET","url":"/participantLeftNotifications"}]}""");

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    [Test]
    public async Task Batch_ChecksPermissionsOfEachItem()
    {
        using var client = _factory.CreateGraphClient(_factory.CreateAccessToken(TestTokens.ReadPermission));

        var response = await client.SendBatchAsync("""
            {"requests":[
              {"id":"read","method":"GET","url":"/participantLeftNotifications"},
              {"id":"write","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"participantId":"p"}}
            ]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = await response.ReadResponsesAsync();
        items["read"].GetProperty("status").GetInt32().Should().Be(200);
        items["write"].GetProperty("status").GetInt32().Should().Be(403);
        items["write"].GetProperty("body").GetProperty("error").GetProperty("code").GetString().Should().Be("Authorization_RequestDenied");
    }

    [Test]
    public async Task Batch_Returns401Item_WhenItemSendsInvalidToken()
    {
        var response = await _client.SendBatchAsync("""
            {"requests":[{"id":"1","method":"GET","url":"/participantLeftNotifications","headers":{"Authorization":"Bearer not-a-jwt"}}]}
            """);

        var item = (await response.ReadResponsesAsync())["1"];
        item.GetProperty("status").GetInt32().Should().Be(401);
        item.Header("WWW-Authenticate").Should().StartWith("Bearer realm=\"\"");
        item.GetProperty("body").GetProperty("error").GetProperty("code").GetString().Should().Be("InvalidAuthenticationToken");
    }

    [Test]
    public async Task Batch_RejectsNestedBatchItem()
    {
        var response = await _client.SendBatchAsync("""
            {"requests":[{"id":"1","method":"POST","url":"/$batch","headers":{"Content-Type":"application/json"},"body":{"requests":[]}}]}
            """);

        var item = (await response.ReadResponsesAsync())["1"];
        item.GetProperty("status").GetInt32().Should().Be(400);
        item.GetProperty("body").GetProperty("error").GetProperty("message").GetString().Should().Contain("cannot contain another $batch");
    }

    [Test]
    public async Task Batch_Returns415_ForNonJsonBody()
    {
        var response = await _client.PostAsync("$batch", Requests.Body("requests", "text/plain"));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
    }

    [TestCase("{", "The batch request body is not valid JSON")]
    [TestCase("""{"value":[]}""", "must be a JSON object with a 'requests' array")]
    [TestCase("""{"requests":[]}""", "The batch contains no requests")]
    [TestCase("""{"requests":[1]}""", "The request at index 0 is not a JSON object")]
    [TestCase("""{"requests":[{"method":"GET","url":"/x"}]}""", "The request at index 0 has no 'id'")]
    [TestCase("""{"requests":[{"id":"1","method":"FETCH","url":"/x"}]}""", "Request '1' has the method 'FETCH'")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"https://example.test/v1.0/x"}]}""", "must be relative to /v1.0")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a"},{"id":"1","method":"GET","url":"/b"}]}""", "request id '1' more than once")]
    [TestCase("""{"requests":[{"id":"a","method":"GET","url":"/a"},{"id":"A","method":"GET","url":"/b"}]}""", "request id 'A' more than once")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","dependsOn":["9"]}]}""", "Request '1' depends on '9', which is not a request of this batch")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","dependsOn":"2"},{"id":"2","method":"GET","url":"/a"}]}""", "must be an array of request ids")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","dependsOn":["2"]},{"id":"2","method":"GET","url":"/a","dependsOn":["1"]}]}""", "cycle: 1 -> 2 -> 1")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","dependsOn":["1"]}]}""", "cycle: 1 -> 1")]
    [TestCase("""{"requests":[{"id":"1","method":"POST","url":"/a","body":{"participantId":"p"}}]}""", "Write request with id '1' does not contain a Content-Type header.")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","headers":{"x":1}}]}""", "The header 'x' of request '1' must have a string value")]
    [TestCase("""{"requests":[{"id":"1","method":"GET","url":"/a","headers":{"x":"a\nb"}}]}""", "contains a control character")]
    [TestCase("""{"requests":[{"id":"1","method":"POST","url":"/a","headers":{"Content-Type":"image/png"},"body":"%%%"}]}""", "must be base64")]
    public async Task Batch_Returns400_WhenMalformed(string body, string message)
    {
        var response = await _client.SendBatchAsync(body);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Contain(message);
    }

    [Test]
    public async Task Batch_Returns400_WhenOverTwentyRequests()
    {
        var requests = Enumerable.Range(1, 21).Select(index => $$"""{"id":"{{index}}","method":"GET","url":"/participantLeftNotifications"}""");

        var response = await _client.SendBatchAsync($$"""{"requests":[{{string.Join(',', requests)}}]}""");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().StartWith("Number of requests inside batch exceeds the limit.");
    }

    [Test]
    public async Task Batch_StoresNothing_WhenMalformed()
    {
        await _client.SendBatchAsync("""
            {"requests":[
              {"id":"1","method":"POST","url":"/participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"participantId":"p"}},
              {"id":"1","method":"GET","url":"/participantLeftNotifications"}
            ]}
            """);

        var count = await _client.GetStringAsync($"{Requests.SetPath}/$count");

        count.Should().Be("0");
    }
}
