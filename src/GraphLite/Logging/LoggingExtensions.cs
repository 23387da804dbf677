using System.Text.Json;

namespace GraphLite.Logging;

/// <summary>
/// Sets up console logging (single-line text, or JSON with <c>GraphLite:Logging:Format=Json</c>) and the
/// per-request log line.
/// </summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Categories logged from Warning up unless the configuration names a level for them: EF Core logs every
    /// SaveChanges at Information, which costs throughput, and ASP.NET Core logs several lines per request,
    /// which the one request line replaces.
    /// </summary>
    private static readonly string[] s_quietCategories = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    public static WebApplicationBuilder AddGraphLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var settings = builder.Configuration.GetSection(LogOutputOptions.SectionName).Get<LogOutputOptions>() ?? new LogOutputOptions();
        if (settings.Format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        foreach (var category in s_quietCategories.Where(category => builder.Configuration[$"Logging:LogLevel:{category}"] is null))
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        return builder;
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        return app;
    }
}
