using System.Collections.Concurrent;
using GraphLite.Bench;
using GraphLite.Bench.ODataFloor;
using Microsoft.AspNetCore.OData;
using Microsoft.OData.ModelBuilder;

// The floor of the stack GraphLite is built on: MVC with an ODataController and AspNetCore.OData's own reader,
// writer and query options, serving the same entity set from a ConcurrentDictionary. No token check, store,
// ETag, error envelope, request log or other middleware. `--rows N` fills it with N rows before it listens.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var store = new ConcurrentDictionary<string, ParticipantLeftNotification>(StringComparer.Ordinal);
var rows = builder.Configuration.GetValue<long>("rows");
for (long index = 0; index < rows; index++)
{
    var key = BenchRows.Key(index);
    store[key] = new ParticipantLeftNotification { Id = key, ParticipantId = BenchRows.ParticipantId(index) };
}

var model = new ODataConventionModelBuilder { Namespace = "microsoft.graph" };
model.EntityType<ParticipantLeftNotification>().Name = "participantLeftNotification";
model.EntitySet<ParticipantLeftNotification>("participantLeftNotifications");
model.EnableLowerCamelCase();

builder.Services.AddSingleton(store);
builder.Services
    .AddControllers()
    .AddOData(options =>
    {
        options.RouteOptions.EnableControllerNameCaseInsensitive = true;
        options.UrlKeyDelimiter = Microsoft.OData.ODataUrlKeyDelimiter.Slash;
        options.Select().Filter().OrderBy().Count().SetMaxTop(999);
        options.AddRouteComponents("v1.0", model.GetEdmModel());
    });

var app = builder.Build();
app.MapControllers();
await app.RunAsync();
