using System.Text;
using System.Text.Json;
using GraphLite.Batch;
using Microsoft.AspNetCore.Http;

namespace GraphLite.Tests.Batch;

public sealed class BatchResponseWriterTests
{
    [Test]
    public async Task Write_EncodesEachBodyKind()
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        BatchResponseItem[] responses =
        [
            Item("json", "application/json", """{"a":1}"""),
            Item("text", "text/plain; charset=utf-8", "42"),
            Item("binary", "image/png", "\u0001\u0002"),
            Item("empty", null, string.Empty),
        ];

        await BatchResponseWriter.WriteAsync(context, responses, CancellationToken.None);

        context.Response.ContentType.Should().Be(BatchResponseWriter.ContentType);
        using var document = JsonDocument.Parse(body.ToArray());
        var items = document.RootElement.GetProperty("responses").EnumerateArray().ToDictionary(item => item.GetProperty("id").GetString()!);
        items["json"].GetProperty("body").GetProperty("a").GetInt32().Should().Be(1);
        items["text"].GetProperty("body").GetString().Should().Be("42");
        items["binary"].GetProperty("body").GetString().Should().Be(Convert.ToBase64String([1, 2]));
        items["empty"].GetProperty("body").ValueKind.Should().Be(JsonValueKind.Null);
        items["empty"].EnumerateObject().Select(property => property.Name).Should().Equal("id", "status", "headers", "body");
    }

    private static BatchResponseItem Item(string id, string? contentType, string body) => new(
        id,
        contentType is null ? 204 : 200,
        contentType is null ? [] : [new("Content-Type", contentType)],
        Encoding.UTF8.GetBytes(body));
}
