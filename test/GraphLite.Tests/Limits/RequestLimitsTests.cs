using System.Net;
using System.Text;
using GraphLite.Tests.Batch;
using GraphLite.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GraphLite.Tests.Limits;

public sealed class RequestLimitsTests
{
    private const int FourMiB = 4 * 1024 * 1024;

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
    public async Task Create_Returns413_ForLargeContentLength()
    {
        var response = await _client.PostAsync(Requests.SetPath, Requests.Json(NotificationOfSize(FourMiB + 1)));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        error.GetProperty("message").GetString().Should()
            .Be($"Maximum request length exceeded. The request body has {FourMiB + 1} bytes; the limit is {FourMiB} bytes.");
    }

    [Test]
    public async Task Create_Returns413_ForLargeChunkedBody()
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(NotificationOfSize(FourMiB + 1024))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(Requests.SetPath, content);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        error.GetProperty("message").GetString().Should().Be($"Maximum request length exceeded. A request body can have at most {FourMiB} bytes.");
    }

    [Test]
    public async Task Create_Succeeds_AtExactlyFourMiB()
    {
        var response = await _client.PostAsync(Requests.SetPath, Requests.Json(NotificationOfSize(FourMiB)));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task Batch_Returns413_ForLargeBody()
    {
        var response = await _client.PostAsync("$batch", Requests.Json(NotificationOfSize(FourMiB + 1)));

        await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
    }

    [Test]
    public async Task Read_Returns414_WhenUrlIsOverLimit()
    {
        var response = await _client.GetAsync($"{Requests.SetPath}?$filter=participantId eq '{new string('a', 9000)}'");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
        error.GetProperty("message").GetString().Should().Contain("the limit is 8192").And.Contain("$batch");
    }

    [Test]
    public async Task BatchItem_AcceptsUrlOverLimit()
    {
        var response = await _client.SendBatchAsync($$"""
            {"requests":[{"id":"1","method":"GET","url":"/participantLeftNotifications?$filter=participantId eq '{{new string('a', 9000)}}'"}]}
            """);

        var item = (await response.ReadResponsesAsync())["1"];
        item.GetProperty("status").GetInt32().Should().Be(200);
    }

    [Test]
    public async Task Read_Returns431_WhenHeadersAreOverLimit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Requests.SetPath);
        request.Headers.Add("X-Large", new string('h', 33 * 1024));

        var response = await _client.SendAsync(request);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge");
        error.GetProperty("message").GetString().Should().Contain("the limit is 32768 bytes");
    }

    [Test]
    public async Task Read_Returns431_WhenThereAreTooManyHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Requests.SetPath);
        for (var index = 0; index < 101; index++)
        {
            request.Headers.Add($"X-Header-{index}", "v");
        }

        var response = await _client.SendAsync(request);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge");
        error.GetProperty("message").GetString().Should().Contain("the limit is 100");
    }

    [TestCase("MaxRequestBodyBytes", "0")]
    [TestCase("RequestBodyGracePeriodSeconds", "1")]
    [TestCase("MinRequestBodyDataRate", "-5")]
    public void Startup_Fails_WithInvalidSetting(string setting, string value)
    {
        using var factory = _factory.WithWebHostBuilder(builder => builder.UseSetting($"GraphLite:Limits:{setting}", value));

        var act = () => factory.CreateGraphClient();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*GraphLite:Limits:{setting} must be*");
    }

    /// <summary>A JSON notification of exactly <paramref name="size"/> bytes.</summary>
    private static string NotificationOfSize(int size)
    {
        const string prefix = """{"participantId":" """;
        const string suffix = "\"}";
        return prefix.TrimEnd() + new string('a', size - prefix.TrimEnd().Length - suffix.Length) + suffix;
    }

    /// <summary>A body stream without a length, so HttpClient sends it without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
