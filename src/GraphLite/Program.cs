using GraphLite.Auth;
using GraphLite.Batch;
using GraphLite.Commands;
using GraphLite.Formatting;
using GraphLite.Health;
using GraphLite.Hosting;
using GraphLite.Https;
using GraphLite.Limits;
using GraphLite.Logging;
using GraphLite.OData;
using GraphLite.ReverseProxy;
using GraphLite.Storage;
using GraphLite.Throttling;

if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = AuthExtensions.ExpandSwitches(args),
    ContentRootPath = AppContext.BaseDirectory,
});

builder.UseGraphLiteDefaults();
builder.AddGraphLogging();
builder.Services.AddGraphHttps();
builder.Services.AddGraphReverseProxy();
builder.Services.AddGraphLimits();
builder.Services.AddGraphStorage();
builder.Services.AddGraphOData();
builder.Services.AddEntitySets();
builder.AddGraphAuth();
builder.Services.AddGraphThrottling(builder.Configuration);
builder.Services.AddGraphBatch();
builder.Services.AddGraphHealth();
builder.Services.AddGraphFastInputFormatter();

var app = builder.Build();

// $batch items re-enter the pipeline here, so they pass every step below.
app.UseGraphBatching();
app.UseGraphReverseProxy();
app.UseStrictTransportSecurity();
app.UseRequestLogging();
app.UseGraphEnvelope();
app.UseGraphLimits();
app.UseEntitySetQueries();
app.UseRouting();
app.UseGraphAuthentication();
app.UseGraphThrottling();
app.UseGraphAuthorization();
app.UseGraphStorage();
app.MapControllers();
app.MapGraphBatch();
app.MapGraphHealth();

return await app.RunGraphLiteAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
