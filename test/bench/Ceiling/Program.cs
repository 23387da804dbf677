using System.Collections.Concurrent;
using GraphLite.Bench;
using GraphLite.Bench.Ceiling;

// A bare minimal API that reads and writes the same JSON as GraphLite's create, read, query and batch calls,
// with System.Text.Json's source generator and a ConcurrentDictionary, and none of OData's reader, writer
// or query composition. `--rows N` fills it with N rows before it listens.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJsonContext.Default));

var store = new ConcurrentDictionary<string, Notification>(StringComparer.Ordinal);
var rows = builder.Configuration.GetValue<long>("rows");
for (long index = 0; index < rows; index++)
{
    var key = BenchRows.Key(index);
    store[key] = new Notification { Id = key, ParticipantId = BenchRows.ParticipantId(index) };
}

var app = builder.Build();
var notifications = app.MapGroup("/v1.0/participantLeftNotifications");

notifications.MapPost("/", (Notification notification, HttpRequest request) =>
{
    if (string.IsNullOrEmpty(notification.ParticipantId))
    {
        return Results.BadRequest();
    }

    notification.Id ??= Guid.NewGuid().ToString();
    if (!store.TryAdd(notification.Id, notification))
    {
        return Results.Conflict();
    }

    var setUrl = CeilingUrls.EntitySet(request);
    request.HttpContext.Response.Headers.ETag = Notification.ETag;
    return Results.Created($"{setUrl}/{Uri.EscapeDataString(notification.Id)}", CeilingUrls.Entity(request, notification));
});

notifications.MapGet("/{id}", (string id, HttpRequest request) =>
{
    if (!store.TryGetValue(id, out var notification))
    {
        return Results.NotFound();
    }

    request.HttpContext.Response.Headers.ETag = Notification.ETag;
    return Results.Ok(CeilingUrls.Entity(request, notification));
});

notifications.MapGet("/", (HttpRequest request) =>
{
    var top = int.TryParse(request.Query["$top"], out var parsed) ? parsed : 100;
    var filter = CeilingQuery.ParticipantIdFilter(request.Query["$filter"]);
    var page = store
        .Select(pair => pair.Value)
        .Where(notification => filter is null || notification.ParticipantId == filter)
        .Take(top)
        .Select(CeilingUrls.Item)
        .ToList();
    return Results.Ok(new CollectionBody(CeilingUrls.Metadata(request) + "#participantLeftNotifications", page));
});

app.MapPost("/v1.0/$batch", (BatchRequest batch) =>
{
    var responses = batch.Requests
        .Select(item => store.TryGetValue(CeilingQuery.LastSegment(item.Url), out var notification)
            ? new BatchItemResponse(item.Id, StatusCodes.Status200OK, CeilingQuery.JsonHeaders, CeilingUrls.Item(notification))
            : new BatchItemResponse(item.Id, StatusCodes.Status404NotFound, CeilingQuery.JsonHeaders, null))
        .ToList();
    return Results.Ok(new BatchResponse(responses));
});

await app.RunAsync();
