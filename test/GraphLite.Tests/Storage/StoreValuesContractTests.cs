using System.Net;
using System.Text.Json;
using GraphLite.Tests.EntitySet;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Storage;

/// <summary>
/// Keys and values that stores are known to treat differently (escaping, letter case, Unicode, length, U+0000)
/// must come back unchanged, or be rejected the same way, on every store.
/// </summary>
[TestFixtureSource(typeof(StoreKinds), nameof(StoreKinds.All))]
public sealed class StoreValuesContractTests(StoreKind kind) : StoreFixture(kind)
{
    public static IEnumerable<string> WeirdKeys { get; } =
    [
        "a/b c?d#e%f'g",
        "it's",
        "''",
        "trailing space ",
        " leading space",
        "back\\slash",
        "plus+and&amp=semi;colon",
        "%41-not-decoded",
        "tab\tinside",
        "ключ-日本語-مفتاح",
        "emoji-🎉-family-👩‍👩‍👧",
        "(parens)",
        "dots.in.key",
        "$filter=id",
    ];

    [TestCaseSource(nameof(WeirdKeys))]
    public async Task Key_RoundTrips_InParenthesesForm(string key)
    {
        var created = await Client.CreateAsync(Body(key, "weird"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.GetAsync($"{Requests.SetPath}('{Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal))}')");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(key);
    }

    [TestCaseSource(nameof(WeirdKeys))]
    public async Task Key_RoundTrips_InSegmentForm(string key)
    {
        var created = await Client.CreateAsync(Body(key, "weird"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.GetAsync($"{Requests.SetPath}/{Uri.EscapeDataString(key)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(key);
    }

    [TestCaseSource(nameof(WeirdKeys))]
    public async Task Key_SupportsPatchAndDelete_InSegmentForm(string key)
    {
        (await Client.CreateAsync(Body(key, "before"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var url = $"{Requests.SetPath}/{Uri.EscapeDataString(key)}";

        var patched = await Client.SendJsonAsync(HttpMethod.Patch, url, """{"participantId":"after"}""", ("If-Match", "W/\"1\""));
        var read = await Client.GetAsync(url);
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, url, null, ("If-Match", "W/\"2\""));
        var readAgain = await Client.GetAsync(url);

        patched.StatusCode.Should().Be(HttpStatusCode.NoContent);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await read.ReadJsonAsync();
        stored.GetProperty("id").GetString().Should().Be(key);
        stored.GetProperty("participantId").GetString().Should().Be("after");
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        readAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Keys_AreCaseSensitive()
    {
        (await Client.CreateAsync(Body("Key", "upper"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Client.CreateAsync(Body("key", "lower"))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await (await Client.GetAsync($"{Requests.SetPath}/Key")).ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("upper");
        (await (await Client.GetAsync($"{Requests.SetPath}/key")).ReadJsonAsync()).GetProperty("participantId").GetString().Should().Be("lower");
        (await Client.GetAsync($"{Requests.SetPath}/KEY")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Keys_AreNotNormalized()
    {
        const string composed = "caf\u00e9";
        const string decomposed = "cafe\u0301";

        (await Client.CreateAsync(Body(composed, "composed"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Client.CreateAsync(Body(decomposed, "decomposed"))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await (await Client.GetAsync($"{Requests.SetPath}/{Uri.EscapeDataString(decomposed)}")).ReadJsonAsync())
            .GetProperty("participantId").GetString().Should().Be("decomposed");
    }

    [TestCase("Grüße, 你好, مرحبا, Ελληνικά")]
    [TestCase("emoji 🎉👩‍👩‍👧 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")]
    [TestCase("zero\u200bwidth, combining e\u0301, RTL \u202eabc")]
    [TestCase("quotes \" ' ` and \\ backslash and \r\n line breaks")]
    [TestCase("")]
    public async Task Value_RoundTrips(string participantId)
    {
        var created = await Client.CreateAsync(Body("unicode", participantId));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var stored = await (await Client.GetAsync($"{Requests.SetPath}/unicode")).ReadJsonAsync();

        stored.GetProperty("participantId").GetString().Should().Be(participantId);
    }

    [Test]
    public async Task LongValue_RoundTrips()
    {
        var participantId = string.Concat(Enumerable.Range(0, 100_000).Select(index => (char)('a' + (index % 26)) + "ü😀"));

        var created = await Client.CreateAsync(Body("long-value", participantId));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var stored = await (await Client.GetAsync($"{Requests.SetPath}/long-value")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be(participantId);
    }

    [TestCase('k')]
    [TestCase('日')]
    public async Task LongestKey_RoundTrips(char letter)
    {
        var key = new string(letter, 511) + "!";

        var created = await Client.CreateAsync(Body(key, "longest"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.GetAsync($"{Requests.SetPath}/{Uri.EscapeDataString(key)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(key);
    }

    [Test]
    public async Task Create_Returns400_WhenKeyIsTooLong()
    {
        var response = await Client.CreateAsync(Body(new string('k', 513), "too long"));

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be("The 'id' property is 513 characters long; the maximum is 512.");
    }

    [TestCase("id", "a\\u0000b", "The 'id' property contains the character U+0000, which GraphLite cannot store.")]
    [TestCase("participantId", "a\\u0000b", "The 'participantId' property contains the character U+0000, which GraphLite cannot store.")]
    [TestCase("participantId", "a\\ud800b", "The 'participantId' property contains the unpaired surrogate U+D800, which GraphLite cannot store.")]
    [TestCase("id", "\\udc00", "The 'id' property contains the unpaired surrogate U+DC00, which GraphLite cannot store.")]
    public async Task Create_Returns400_WhenStringCannotBeStored(string property, string escapedValue, string message)
    {
        var json = property == "id"
            ? $$"""{"id":"{{escapedValue}}","participantId":"p"}"""
            : $$"""{"id":"unstorable","participantId":"{{escapedValue}}"}""";

        var response = await Client.CreateAsync(json);

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(message);
        var list = await (await Client.GetAsync($"{Requests.SetPath}?$count=true")).ReadJsonAsync();
        list.GetProperty("@odata.count").GetInt32().Should().Be(0);
    }

    [TestCase("PATCH", "a\\u0000b", "The 'participantId' property contains the character U+0000, which GraphLite cannot store.")]
    [TestCase("PATCH", "a\\ud800b", "The 'participantId' property contains the unpaired surrogate U+D800, which GraphLite cannot store.")]
    [TestCase("PUT", "a\\u0000b", "The 'participantId' property contains the character U+0000, which GraphLite cannot store.")]
    [TestCase("PUT", "\\udfff", "The 'participantId' property contains the unpaired surrogate U+DFFF, which GraphLite cannot store.")]
    public async Task Update_Returns400_WhenStringCannotBeStored(string method, string escapedValue, string message)
    {
        (await Client.CreateAsync(Body("kept", "original"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await Client.SendJsonAsync(new HttpMethod(method), $"{Requests.SetPath}/kept", $$"""{"participantId":"{{escapedValue}}"}""");

        var error = await response.ShouldBeGraphErrorAsync(HttpStatusCode.BadRequest, "BadRequest");
        error.GetProperty("message").GetString().Should().Be(message);
        var stored = await (await Client.GetAsync($"{Requests.SetPath}/kept")).ReadJsonAsync();
        stored.GetProperty("participantId").GetString().Should().Be("original");
        stored.GetProperty("@odata.etag").GetString().Should().Be("W/\"1\"");
    }

    private static string Body(string id, string participantId) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["participantId"] = participantId });
}
