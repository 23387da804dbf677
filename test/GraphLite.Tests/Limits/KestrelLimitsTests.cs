using System.Net;
using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Limits;

[NonParallelizable]
public sealed class KestrelLimitsTests
{
    private GraphLiteProcess _server = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync() =>
        _server = await GraphLiteProcess.StartAsync("--GraphLite:Limits:RequestBodyGracePeriodSeconds=2");

    [OneTimeTearDown]
    public async Task StopServerAsync() => await _server.DisposeAsync();

    [Test]
    public async Task Create_Returns413_BeforeBodyArrives()
    {
        using var connection = await RawHttpConnection.OpenAsync(_server.BaseAddress);

        await connection.SendAsync(Head(contentLength: 5 * 1024 * 1024));
        var response = await connection.ReadResponseAsync();

        response.Should().StartWith("HTTP/1.1 413 ");
        ErrorOf(response).GetProperty("code").GetString().Should().Be("RequestEntityTooLarge");
    }

    [Test]
    public async Task Create_Returns413_ForLargeChunkedBody()
    {
        using var connection = await RawHttpConnection.OpenAsync(_server.BaseAddress);
        var head = Head(contentLength: 0).Replace("Content-Length: 0", "Transfer-Encoding: chunked", StringComparison.Ordinal);
        var block = new string('a', 64 * 1024);
        const string start = "{\"participantId\":\"";

        await connection.SendAsync($"{head}{start.Length:x}\r\n{start}\r\n");
        await connection.SendUntilRejectedAsync($"{block.Length:x}\r\n{block}\r\n", count: 80);
        var response = await connection.ReadResponseAsync();

        response.Should().StartWith("HTTP/1.1 413 ");
        var error = ErrorOf(response);
        error.GetProperty("code").GetString().Should().Be("RequestEntityTooLarge");
        error.GetProperty("message").GetString().Should().Be("Maximum request length exceeded. A request body can have at most 4194304 bytes.");
    }

    [Test]
    public async Task Create_Returns408_WhenBodyStopsHalfway()
    {
        using var connection = await RawHttpConnection.OpenAsync(_server.BaseAddress);

        await connection.SendAsync(Head(contentLength: 100) + """{"participantId":""");
        var response = await connection.ReadResponseAsync();

        response.Should().StartWith("HTTP/1.1 408 ");
        var error = ErrorOf(response);
        error.GetProperty("code").GetString().Should().Be("RequestTimeout");
        error.GetProperty("message").GetString().Should().Contain("too slowly");
    }

    [Test]
    public async Task Server_KeepsAnswering_WhileBodiesStall()
    {
        var stalled = new List<RawHttpConnection>();
        try
        {
            for (var index = 0; index < 32; index++)
            {
                var connection = await RawHttpConnection.OpenAsync(_server.BaseAddress);
                await connection.SendAsync(Head(contentLength: 1000) + "{");
                stalled.Add(connection);
            }

            using var client = _server.CreateGraphClient();
            var created = await client.CreateAsync(Requests.Notification("while-others-stall"));

            created.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        finally
        {
            stalled.ForEach(connection => connection.Dispose());
        }
    }

    private string Head(int contentLength) =>
        $"POST /v1.0/participantLeftNotifications HTTP/1.1\r\nHost: {_server.BaseAddress.Authority}\r\n"
        + $"Authorization: Bearer {_server.CreateAccessToken(TestTokens.ReadWritePermission)}\r\n"
        + $"Content-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n";

    private static JsonElement ErrorOf(string response)
    {
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("error").Clone();
    }
}
