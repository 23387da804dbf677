using GraphLite.Hosting;
using GraphLite.OData;
using GraphLite.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.UseGraphLiteDefaults();
builder.Services.AddGraphStorage();
builder.Services.AddGraphOData();

var app = builder.Build();

app.UseGraphEnvelope();
app.UseRouting();
app.MapControllers();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
