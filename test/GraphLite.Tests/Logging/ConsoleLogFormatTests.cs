using System.Text.Json;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Logging;

[NonParallelizable]
public sealed class ConsoleLogFormatTests
{
    private static readonly TimeSpan s_logWait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task JsonFormat_WritesRequestLineAsJsonObject()
    {
        await using var server = await GraphLiteProcess.StartAsync("--GraphLite:Logging:Format=Json");
        using var client = server.CreateGraphClient();

        var response = await client.CreateAsync(Requests.Notification("json-log"));

        var requestId = response.Header("request-id");
        var line = await server.WaitForOutputAsync(output => output.Contains(requestId, StringComparison.Ordinal), s_logWait);
        line.Should().NotBeNull();
        using var document = JsonDocument.Parse(line!);
        var entry = document.RootElement;
        entry.GetProperty("EventId").GetInt32().Should().Be(60);
        entry.GetProperty("LogLevel").GetString().Should().Be("Information");
        entry.GetProperty("Category").GetString().Should().Be("GraphLite.Logging.RequestLoggingMiddleware");
        var state = entry.GetProperty("State");
        state.GetProperty("Method").GetString().Should().Be("POST");
        state.GetProperty("Path").GetString().Should().Be("/v1.0/participantLeftNotifications");
        state.GetProperty("StatusCode").GetInt32().Should().Be(201);
        state.GetProperty("RequestId").GetString().Should().Be(requestId);
        server.Output.Where(output => output.StartsWith('{')).Should().OnlyContain(output => IsJson(output));
    }

    [Test]
    public async Task SimpleFormat_WritesOneLinePerRequest()
    {
        await using var server = await GraphLiteProcess.StartAsync();
        using var client = server.CreateGraphClient();

        var response = await client.GetAsync(Requests.SetPath);

        var requestId = response.Header("request-id");
        var line = await server.WaitForOutputAsync(output => output.Contains(requestId, StringComparison.Ordinal), s_logWait);
        line.Should().Contain("info: GraphLite.Logging.RequestLoggingMiddleware[60] GET /v1.0/participantLeftNotifications answered 200 in ");
        server.Output.Should().NotContain(output => output.Contains("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal),
            "ASP.NET Core's own request lines stay below Warning");
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
