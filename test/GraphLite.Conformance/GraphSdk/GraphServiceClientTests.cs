using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace GraphLite.Conformance.GraphSdk;

/// <summary>Microsoft.Graph 6.10.0: the SDK's request adapter, models, PageIterator, batching and errors.</summary>
public sealed class GraphServiceClientTests
{
    private const string GuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private GraphServiceClient _client = null!;

    [SetUp]
    public void SetUp() => _client = GraphSdk.CreateClient();

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task Create_ReturnsTypedNotification()
    {
        var participantId = LiveServer.UniqueId("graph-sdk");
        var request = GraphSdk.Create(_client, new ParticipantLeftNotification { ParticipantId = participantId });

        var created = await _client.SendForEntityAsync(request);

        created.Should().BeOfType<ParticipantLeftNotification>();
        var notification = (ParticipantLeftNotification)created!;
        notification.Id.Should().MatchRegex(GuidPattern);
        notification.ParticipantId.Should().Be(participantId);
        notification.OdataType.Should().Be("#microsoft.graph.participantLeftNotification");
    }

    [Test]
    public async Task Get_ReadsCustomUrl_ThroughRequestAdapter()
    {
        var id = LiveServer.UniqueId("graph-sdk-id");
        await GraphSdk.CreateNotificationAsync(_client, "graph-sdk-reader", id);

        var read = await _client.SendForEntityAsync(GraphSdk.Get($"{LiveServer.ServiceRoot}/{GraphSdk.SetPath}/{id}"));

        read.Should().BeOfType<ParticipantLeftNotification>();
        read!.Id.Should().Be(id);
        ((ParticipantLeftNotification)read).ParticipantId.Should().Be("graph-sdk-reader");
    }

    [Test]
    public async Task PageIterator_VisitsEveryItemOnce_OnOnePage()
    {
        var participantId = LiveServer.UniqueId("graph-sdk-page");
        var created = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            created.Add((await GraphSdk.CreateNotificationAsync(_client, participantId)).Id!);
        }

        var visited = await IterateAsync(participantId, pageSize: null);

        visited.Should().BeEquivalentTo(created);
        visited.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task PageIterator_VisitsEveryItemOnce_AcrossPages()
    {
        var participantId = LiveServer.UniqueId("graph-sdk-pages");
        var created = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            created.Add((await GraphSdk.CreateNotificationAsync(_client, participantId)).Id!);
        }

        var visited = await IterateAsync(participantId, pageSize: 2);

        visited.Should().BeEquivalentTo(created);
        visited.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Batch_RunsCreateAndDependentRead()
    {
        var id = LiveServer.UniqueId("graph-sdk-batch");
        var batch = new BatchRequestContentCollection(_client);
        var create = GraphSdk.Create(_client, new ParticipantLeftNotification { Id = id, ParticipantId = "batched" });
        var createId = await batch.AddBatchRequestStepAsync(create);
        var read = await _client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(
            GraphSdk.Get($"{LiveServer.ServiceRoot}/{GraphSdk.SetPath}/{id}"));
        batch.AddBatchRequestStep(new BatchRequestStep("read", read, [createId]));

        var responses = await _client.Batch.PostAsync(batch);

        var statusCodes = await responses.GetResponsesStatusCodesAsync();
        statusCodes[createId].Should().Be(System.Net.HttpStatusCode.Created);
        statusCodes["read"].Should().Be(System.Net.HttpStatusCode.OK);
        var readBack = await responses.GetResponseByIdAsync<ParticipantLeftNotification>("read");
        readBack.Id.Should().Be(id);
        readBack.ParticipantId.Should().Be("batched");
    }

    [Test]
    public async Task UnknownKey_SurfacesAsODataError()
    {
        var id = LiveServer.UniqueId("graph-sdk-missing");

        var act = () => _client.SendForEntityAsync(GraphSdk.Get($"{LiveServer.ServiceRoot}/{GraphSdk.SetPath}/{id}"));

        var error = (await act.Should().ThrowAsync<ODataError>()).Which;
        error.ResponseStatusCode.Should().Be(404);
        error.Error!.Code.Should().Be("Request_ResourceNotFound");
        error.Error.Message.Should().Be($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        error.Error.InnerError!.RequestId.Should().MatchRegex(GuidPattern);
        error.ResponseHeaders["request-id"].Should().Equal(error.Error.InnerError.RequestId);
        // The SDK sends a client-request-id of its own, which Graph echoes rather than repeating the request-id.
        error.ResponseHeaders["client-request-id"].Should().Equal(error.Error.InnerError.ClientRequestId);
        error.Error.InnerError.ClientRequestId.Should().NotBe(error.Error.InnerError.RequestId);
        error.Error.InnerError.Date.Should().NotBeNull();
    }

    private async Task<List<string>> IterateAsync(string participantId, int? pageSize)
    {
        var request = GraphSdk.Get($"{LiveServer.ServiceRoot}/{GraphSdk.SetPath}?$filter=participantId eq '{participantId}'");
        if (pageSize is { } size)
        {
            request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
        }

        var firstPage = await _client.RequestAdapter.SendAsync(request,
            ParticipantLeftNotificationCollectionResponse.CreateFromDiscriminatorValue, GraphSdk.ErrorMapping);
        if (pageSize is not null)
        {
            firstPage!.OdataNextLink.Should().NotBeNull("the first page links to the next one");
        }

        var visited = new List<string>();
        var iterator = PageIterator<ParticipantLeftNotification, ParticipantLeftNotificationCollectionResponse>.CreatePageIterator(
            _client,
            firstPage!,
            notification =>
            {
                visited.Add(notification.Id!);
                return true;
            },
            next =>
            {
                if (pageSize is { } size)
                {
                    next.Headers.Add("Prefer", $"odata.maxpagesize={size}");
                }

                return next;
            });
        await iterator.IterateAsync();
        return visited;
    }
}
