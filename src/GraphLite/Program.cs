using GraphLite.Commands;
using GraphLite.Hosting;
using GraphLite.Https;
using GraphLite.OData;
using GraphLite.ReverseProxy;
using GraphLite.Storage;

if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.UseGraphLiteDefaults();
builder.Services.AddGraphHttps();
builder.Services.AddGraphReverseProxy();
builder.Services.AddGraphStorage();
builder.Services.AddGraphOData();

var app = builder.Build();

app.UseGraphReverseProxy();
app.UseStrictTransportSecurity();
app.UseGraphEnvelope();
app.UseGraphStorage();
app.UseRouting();
app.MapControllers();

return await app.RunGraphLiteAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
