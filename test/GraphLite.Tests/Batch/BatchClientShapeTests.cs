using System.Net;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Batch;

/// <summary>
/// Batches in the exact shapes that real clients send, and the responses those clients rely on.
/// </summary>
public sealed class BatchClientShapeTests
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
    public async Task Batch_RejectsVersionPrefixedItemUrl_AsGraphDoes()
    {
        // The Graph JavaScript client 3.0.7 keeps the version of an absolute URL (/v1.0/...) in a batch item.
        // Graph rejects such an item with this 400, as reported in the issue tracker of msgraph-sdk-javascript.
        var response = await _client.SendBatchAsync("""
            {"requests":[{"id":"1","method":"GET","url":"/v1.0/participantLeftNotifications"}]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var item = (await response.ReadResponsesAsync())["1"];
        item.GetProperty("status").GetInt32().Should().Be(400);
        var error = item.GetProperty("body").GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("BadRequest");
        error.GetProperty("message").GetString().Should().Be("Resource not found for the segment 'v1.0'.");
    }

    [Test]
    public async Task Batch_AcceptsLowerCaseMethods_AsODataClientSends()
    {
        // @odata/client 2.21.10 writes methods in lower case, URLs without a leading slash and string bodies.
        var response = await _client.SendBatchAsync("""
            {"requests":[
              {"id":"create","method":"post","url":"participantLeftNotifications","headers":{"Content-Type":"application/json"},"body":{"id":"lower-1","participantId":"p"}},
              {"id":"read","method":"get","url":"participantLeftNotifications('lower-1')","dependsOn":["create"]}
            ]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = await response.ReadResponsesAsync();
        items["create"].GetProperty("status").GetInt32().Should().Be(201);
        items["read"].GetProperty("status").GetInt32().Should().Be(200);
        items["read"].GetProperty("body").GetProperty("id").GetString().Should().Be("lower-1");
    }

    [Test]
    public async Task Batch_Returns415_ForMultipartBatch()
    {
        // @odata/client's multipart batch puts a POST into a change set without the Content-ID that OData 4.0
        // requires. GraphLite serves JSON batches only and rejects the whole request before reading it.
        const string boundary = "batch_5c3e";
        const string changeset = "changeset_9a1f";
        var body = $"--{boundary}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n"
            + $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "POST participantLeftNotifications HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"participantId\":\"p\"}\r\n"
            + $"--{changeset}--\r\n--{boundary}--\r\n";

        var response = await _client.PostAsync("$batch", Requests.Body(body, $"multipart/mixed; boundary={boundary}"));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        error.GetProperty("message").GetString().Should().Contain("multipart/mixed");
    }
}
