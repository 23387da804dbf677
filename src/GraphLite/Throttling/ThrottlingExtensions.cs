using System.Globalization;
using System.Threading.RateLimiting;
using GraphLite.Errors;
using GraphLite.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GraphLite.Throttling;

/// <summary>
/// Registers the optional rate limiter. A rejected request gets Graph's 429 <c>TooManyRequests</c> with
/// <c>Retry-After</c> in whole seconds. The limiter counts each item of a $batch on its own, and each rejected item
/// gets its own 429.
/// </summary>
public static partial class ThrottlingExtensions
{
    public static IServiceCollection AddGraphThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThrottlingOptions>, ThrottlingOptionsValidator>();

        var settings = configuration.GetSection(ThrottlingOptions.SectionName).Get<ThrottlingOptions>() ?? new ThrottlingOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            if (settings.Enabled)
            {
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context, settings.PartitionBy), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    }));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseGraphThrottling(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Returns the partition of a request, e.g. <c>sub:graphlite-local</c> or <c>address:127.0.0.1</c>.</summary>
    public static string PartitionKey(HttpContext context, ThrottlingPartition partitionBy)
    {
        ArgumentNullException.ThrowIfNull(context);

        var user = context.User;
        var claimValue = partitionBy switch
        {
            ThrottlingPartition.Subject => user.FindFirst("sub")?.Value,
            ThrottlingPartition.Client => user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value,
            _ => null,
        };
        if (user.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(claimValue))
        {
            return $"{partitionBy}:{claimValue}";
        }

        return $"address:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : context.RequestServices.GetRequiredService<IOptions<ThrottlingOptions>>().Value.WindowSeconds;

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ThrottlingExtensions).FullName!);
        var requestId = RequestIds.Of(context).RequestId;
        LogThrottled(logger, requestId, seconds);

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GraphErrorWriter.WriteAsync(context, new GraphError(
            StatusCodes.Status429TooManyRequests,
            GraphErrorCodes.TooManyRequests,
            $"Too many requests. Please retry after {seconds} seconds."));
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Debug, Message = "Throttled request {RequestId}; the client may retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, string requestId, int retryAfterSeconds);
}
