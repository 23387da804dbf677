using GraphLite.Errors;
using GraphLite.Http;
using GraphLite.Model;
using GraphLite.OData;

namespace GraphLite.Hosting;

/// <summary>
/// The pieces of <c>Program.cs</c>: the default address and the middleware, in the order they must run.
/// </summary>
public static class HostingExtensions
{
    /// <summary>The address <c>dotnet run</c> serves when neither <c>--urls</c> nor ASPNETCORE_URLS names one.</summary>
    public const string DefaultHttpUrl = "http://127.0.0.1:5080";

    /// <summary>The HTTPS address served beside <see cref="DefaultHttpUrl"/>, with GraphLite's localhost certificate.</summary>
    public const string DefaultHttpsUrl = "https://127.0.0.1:5443";

    public static WebApplicationBuilder UseGraphLiteDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultHttpUrl, DefaultHttpsUrl);
        }

        builder.Services.AddSingleton<EntityValidator>();
        return builder;
    }

    public static IApplicationBuilder UseGraphEnvelope(this IApplicationBuilder app)
    {
        app.UseMiddleware<GraphResponseHeadersMiddleware>();
        app.UseMiddleware<GraphErrorMiddleware>();
        app.UseMiddleware<MetadataFormatMiddleware>();
        return app;
    }
}
