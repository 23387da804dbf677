using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphLite.Formatting;
using GraphLite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace GraphLite.Tests.Formatting;

/// <summary>
/// Sends each create to GraphLite as it ships and to GraphLite without the fast input formatter, and expects
/// the same status, headers and body bytes from both: the fast path may only change the cost of a request.
/// </summary>
public sealed class FastFormatterParityTests
{
    private const string Key = "3f1c1e0a-5d1c-4d7e-9b7a-2c0f6a1d9e11";
    private const string TrickyText = "a\"b\\c/d<e>f&g'h+i\u00e9j\U0001F600k\u0001l\tm\u2028n\u007Fo`p";

    private GraphLiteFactory _fast = null!;
    private GraphLiteFactory _odataOnly = null!;
    private HttpClient _fastClient = null!;
    private HttpClient _odataClient = null!;

    public static IEnumerable<TestCaseData> CreateBodies()
    {
        yield return Case("plain", $$"""{"@odata.type":"#microsoft.graph.participantLeftNotification","id":"{{Key}}","participantId":"p-1"}""");
        yield return Case("no type annotation", $$"""{"id":"{{Key}}","participantId":"p-1"}""");
        yield return Case("escapes and non-ASCII", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = Key, ["participantId"] = TrickyText }));
        yield return Case("raw UTF-8 and whitespace", $$"""{ "id" : "{{Key}}" ,"participantId": "Zoë 参加者" }""");
        yield return Case("type annotation last", $$"""{"id":"{{Key}}","participantId":"p-1","@odata.type":"#microsoft.graph.participantLeftNotification"}""");
        yield return Case("type alias", $$"""{"@odata.type":"#graph.participantLeftNotification","id":"{{Key}}","participantId":"p-1"}""");
        yield return Case("base type", $$"""{"@odata.type":"#microsoft.graph.entity","id":"{{Key}}","participantId":"p-1"}""");
        yield return Case("unknown property", """{"participantId":"p-1","foo":"bar"}""");
        yield return Case("repeated property", """{"participantId":"p-1","participantId":"p-2"}""");
        yield return Case("null value", """{"participantId":null}""");
        yield return Case("number value", """{"participantId":42}""");
        yield return Case("escaped property name", $$"""{"id":"{{Key}}","participant\u0049d":"p-1"}""");
        yield return Case("property annotation", $$"""{"id":"{{Key}}","participantId@odata.type":"#String","participantId":"p-1"}""");
        yield return Case("missing required property", $$"""{"id":"{{Key}}"}""");
        yield return Case("empty object", "{}");
        yield return Case("array", "[]");
        yield return Case("trailing content", $$"""{"id":"{{Key}}","participantId":"p-1"} x""");
        yield return Case("unclosed object", """{"participantId":"p-1" """);
        yield return Case("lone surrogate", $$"""{"id":"{{Key}}","participantId":"\uD800"}""");
    }

    [SetUp]
    public void SetUp()
    {
        _fast = new GraphLiteFactory();
        _odataOnly = new GraphLiteFactory(builder => builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(RemoveFastFormatters)));
        _fastClient = _fast.CreateGraphClient();
        _odataClient = _odataOnly.CreateGraphClient();
    }

    [TearDown]
    public void TearDown()
    {
        _fastClient.Dispose();
        _odataClient.Dispose();
        _fast.Dispose();
        _odataOnly.Dispose();
    }

    [TestCaseSource(nameof(CreateBodies))]
    public async Task Create_MatchesODataFormatters(string body)
    {
        await ShouldMatchAsync(() => Post(body, "application/json"));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json;charset=UTF-8")]
    [TestCase("application/json;odata.metadata=minimal")]
    [TestCase("application/json; charset=iso-8859-1")]
    public async Task Create_MatchesODataFormatters_WhenContentTypeVaries(string contentType)
    {
        await ShouldMatchAsync(() => Post($$"""{"id":"{{Key}}","participantId":"p-1"}""", contentType));
    }

    [TestCase("Prefer", "return=minimal")]
    [TestCase("Prefer", "odata.include-annotations=\"*\"")]
    [TestCase("Accept", "application/json;odata.metadata=full")]
    [TestCase("Accept", "application/json;odata.metadata=none")]
    [TestCase("Accept-Charset", "utf-8")]
    public async Task Create_MatchesODataFormatters_WhenHeaderChangesFormat(string name, string value)
    {
        await ShouldMatchAsync(() =>
        {
            var request = Post($$"""{"id":"{{Key}}","participantId":"p-1"}""", "application/json");
            request.Headers.TryAddWithoutValidation(name, value);
            return request;
        });
    }

    private static TestCaseData Case(string name, string body) => new TestCaseData(body).SetArgDisplayNames(name);

    private static void RemoveFastFormatters(MvcOptions options)
    {
        options.InputFormatters.RemoveType<EntityJsonInputFormatter>();
    }

    private static HttpRequestMessage Post(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, Requests.SetPath) { Content = content };
    }

    private async Task ShouldMatchAsync(Func<HttpRequestMessage> createRequest)
    {
        using var fastRequest = createRequest();
        using var odataRequest = createRequest();
        using var fast = await _fastClient.SendAsync(fastRequest);
        using var odata = await _odataClient.SendAsync(odataRequest);

        fast.StatusCode.Should().Be(odata.StatusCode);
        foreach (var name in new[] { "Content-Type", "OData-Version", "Location", "OData-EntityId", "Preference-Applied", "ETag" })
        {
            fast.Header(name).Should().Be(odata.Header(name), "the {0} header is the same", name);
        }

        var fastBody = await fast.Content.ReadAsByteArrayAsync();
        var odataBody = await odata.Content.ReadAsByteArrayAsync();
        if (odata.Header("Content-Type") == "application/json")
        {
            // An error: the same envelope but for the request's own ids and date.
            WithoutInnerError(fastBody).Should().Be(WithoutInnerError(odataBody));
        }
        else
        {
            Encoding.UTF8.GetString(fastBody).Should().Be(Encoding.UTF8.GetString(odataBody));
        }
    }

    private static string WithoutInnerError(byte[] body)
    {
        var envelope = JsonNode.Parse(body)!.AsObject();
        envelope["error"]!.AsObject().Remove("innerError").Should().BeTrue();
        return envelope.ToJsonString();
    }
}
