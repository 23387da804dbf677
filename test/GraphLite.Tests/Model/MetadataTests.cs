using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using GraphLite.Tests.Infrastructure;

namespace GraphLite.Tests.Model;

public sealed class MetadataTests
{
    private static readonly XNamespace s_edm = "http://docs.oasis-open.org/odata/ns/edm";

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
    public async Task Metadata_DeclaresGraphTypes_AsXml()
    {
        var response = await _client.GetAsync("$metadata");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var schema = document.Descendants(s_edm + "Schema").Single();
        schema.Attribute("Namespace")!.Value.Should().Be("microsoft.graph");
        schema.Attribute("Alias")!.Value.Should().Be("graph");

        var entity = EntityType(schema, "entity");
        entity.Attribute("Abstract")!.Value.Should().Be("true");
        entity.Element(s_edm + "Key")!.Element(s_edm + "PropertyRef")!.Attribute("Name")!.Value.Should().Be("id");
        var id = entity.Elements(s_edm + "Property").Single();
        id.Attribute("Name")!.Value.Should().Be("id");
        id.Attribute("Type")!.Value.Should().Be("Edm.String");
        id.Attribute("Nullable")!.Value.Should().Be("false");

        var notification = EntityType(schema, "participantLeftNotification");
        notification.Attribute("BaseType")!.Value.Should().Be("graph.entity");
        var participantId = notification.Elements(s_edm + "Property").Single();
        participantId.Attribute("Name")!.Value.Should().Be("participantId");
        participantId.Attribute("Type")!.Value.Should().Be("Edm.String");
        participantId.Attribute("Nullable")!.Value.Should().Be("false");

        var container = schema.Element(s_edm + "EntityContainer")!;
        container.Attribute("Name")!.Value.Should().Be("GraphService");
        var set = container.Elements(s_edm + "EntitySet").Single();
        set.Attribute("Name")!.Value.Should().Be("participantLeftNotifications");
        set.Attribute("EntityType")!.Value.Should().Be("microsoft.graph.participantLeftNotification");
    }

    [Test]
    public async Task Metadata_DeclaresKeyAsSegment_InXml()
    {
        var response = await _client.GetAsync("$metadata");

        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var container = document.Descendants(s_edm + "EntityContainer").Single();
        var annotation = container.Elements(s_edm + "Annotation").Single();
        annotation.Attribute("Term")!.Value.Should().Be("Org.OData.Capabilities.V1.KeyAsSegmentSupported");
        annotation.Attribute("Bool")!.Value.Should().Be("true");
    }

    [Test]
    public async Task Metadata_DeclaresKeyAsSegment_InJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "$metadata");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await _client.SendAsync(request);

        var container = (await response.ReadJsonAsync()).GetProperty("microsoft.graph").GetProperty("GraphService");
        container.GetProperty("@Org.OData.Capabilities.V1.KeyAsSegmentSupported").GetBoolean().Should().BeTrue();
    }

    [TestCase("$metadata", "application/json")]
    [TestCase("$metadata?$format=application/json", null)]
    public async Task Metadata_ServesCsdlJson_WhenJsonIsRequested(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var csdl = await response.ReadJsonAsync();
        csdl.GetProperty("$EntityContainer").GetString().Should().Be("microsoft.graph.GraphService");
        var schema = csdl.GetProperty("microsoft.graph");
        schema.GetProperty("$Alias").GetString().Should().Be("graph");
        schema.GetProperty("entity").GetProperty("$Abstract").GetBoolean().Should().BeTrue();
        schema.GetProperty("participantLeftNotification").GetProperty("$BaseType").GetString().Should().Be("graph.entity");
        schema.GetProperty("GraphService").GetProperty("participantLeftNotifications").GetProperty("$Type").GetString()
            .Should().Be("microsoft.graph.participantLeftNotification");
    }

    [Test]
    public async Task Metadata_StaysXml_WhenBrowserAcceptsXmlToo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "$metadata");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8");

        var response = await _client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
    }

    [Test]
    public async Task ServiceDocument_ListsEntitySet()
    {
        var response = await _client.GetAsync(string.Empty);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be(GraphAssertions.ODataJsonContentType);
        var body = await response.ReadJsonAsync();
        body.GetProperty("@odata.context").GetString().Should().Be("http://localhost/v1.0/$metadata");
        var set = body.GetProperty("value").EnumerateArray().Single();
        set.GetProperty("name").GetString().Should().Be("participantLeftNotifications");
        set.GetProperty("kind").GetString().Should().Be("EntitySet");
        set.GetProperty("url").GetString().Should().Be("participantLeftNotifications");
    }

    private static XElement EntityType(XElement schema, string name) =>
        schema.Elements(s_edm + "EntityType").Single(type => type.Attribute("Name")!.Value == name);
}
