using System.Globalization;
using System.Net;
using System.Text.Json;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Checks shared by the tests: the exact Graph wire shapes.</summary>
public static class GraphAssertions
{
    public const string ODataJsonContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Returns a header as it came over the wire. Read Content-Type before the body: reading the body makes
    /// HttpClient parse the header and write it back with "; " between parameters.
    /// </summary>
    public static string Header(this HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || response.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return string.Join(", ", values);
        }

        return string.Empty;
    }

    /// <summary>
    /// Asserts a Graph error: the status, <c>application/json</c>, and exactly
    /// <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.
    /// </summary>
    public static async Task<JsonElement> ShouldBeGraphErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.Should().Be(status);
        response.Header("Content-Type").Should().Be("application/json");

        var body = await response.ReadJsonAsync();
        body.EnumerateObject().Select(property => property.Name).Should().Equal("error");

        var error = body.GetProperty("error");
        error.EnumerateObject().Select(property => property.Name).Should().Equal("code", "message", "innerError");
        error.GetProperty("code").GetString().Should().Be(code);

        var message = error.GetProperty("message").GetString();
        message.Should().NotBeNullOrWhiteSpace();
        message.Should().NotContain("Exception").And.NotContain("   at ").And.NotContain("System.").And.NotContain("Microsoft.")
            .And.NotContain("The input was not valid.");

        var innerError = error.GetProperty("innerError");
        innerError.EnumerateObject().Select(property => property.Name).Should().Equal("date", "request-id", "client-request-id");
        DateTime.TryParseExact(innerError.GetProperty("date").GetString(), "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _).Should().BeTrue("innerError.date is written as yyyy-MM-ddTHH:mm:ss");
        innerError.GetProperty("request-id").GetString().Should().Be(response.Header("request-id"));
        innerError.GetProperty("client-request-id").GetString().Should().Be(response.Header("client-request-id"));
        return error;
    }
}
