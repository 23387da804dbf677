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
app.UseRouting();
app.MapControllers();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
