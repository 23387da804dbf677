using GraphLite.Conformance.Kiota.Generated;
using GraphLite.Conformance.Kiota.Generated.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace GraphLite.Conformance.Kiota;

/// <summary>
/// The C# client that Kiota 1.38.0 generates from GraphLite's $metadata (through odata-openapi), committed
/// under Kiota/Generated and compiled here with warnings as errors.
/// </summary>
public sealed class KiotaClientTests
{
    private HttpClientRequestAdapter _adapter = null!;
    private GraphLiteClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(LiveServer.Token));
        _adapter = new HttpClientRequestAdapter(authentication) { BaseUrl = LiveServer.ServiceRoot };
        _client = new GraphLiteClient(_adapter);
    }

    [TearDown]
    public void TearDown() => _adapter.Dispose();

    [Test]
    public async Task Create_ThenReadThroughKeyIndexer()
    {
        var participantId = LiveServer.UniqueId("kiota");

        var created = await _client.ParticipantLeftNotifications.PostAsync(new ParticipantLeftNotificationCreate { ParticipantId = participantId });
        var read = await _client.ParticipantLeftNotifications[created!.Id!].GetAsync();

        created.Id.Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        created.ParticipantId.Should().Be(participantId);
        read!.Id.Should().Be(created.Id);
        read.ParticipantId.Should().Be(participantId);
    }

    [Test]
    public async Task Query_FiltersOrdersAndCounts()
    {
        var participantId = LiveServer.UniqueId("kiota-query");
        var ids = new[] { LiveServer.UniqueId("a"), LiveServer.UniqueId("b") }.Order(StringComparer.Ordinal).ToArray();
        foreach (var id in ids)
        {
            await _client.ParticipantLeftNotifications.PostAsync(new ParticipantLeftNotificationCreate { Id = id, ParticipantId = participantId });
        }

        var page = await _client.ParticipantLeftNotifications.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"participantId eq '{participantId}'";
            request.QueryParameters.Orderby = [Generated.ParticipantLeftNotifications.GetOrderbyQueryParameterType.IdDesc];
            request.QueryParameters.Top = 1;
            request.QueryParameters.Count = true;
        });

        // odata-openapi declares @odata.count as a number or a string (for IEEE754Compatible=true), so Kiota wraps it.
        page!.OdataCount!.Integer.Should().Be(2);
        page.Value!.Select(item => item.Id).Should().Equal(ids[1]);
    }

    [Test]
    public async Task UnknownKey_ThrowsGeneratedError()
    {
        var id = LiveServer.UniqueId("kiota-missing");

        var act = () => _client.ParticipantLeftNotifications[id].GetAsync();

        var error = (await act.Should().ThrowAsync<Error>()).Which;
        error.ResponseStatusCode.Should().Be(404);
        error.ErrorProp!.Code.Should().Be("Request_ResourceNotFound");
        error.ErrorProp.Message.Should().Contain($"'{id}'");

        // NOTE: odata-openapi declares OData's "innererror", but Graph and GraphLite write "innerError", so the
        // generated Innererror stays null and the request ids reach the caller only through AdditionalData.
        error.ErrorProp.Innererror.Should().BeNull();
        error.ErrorProp.AdditionalData.Should().ContainKey("innerError");
    }
}
