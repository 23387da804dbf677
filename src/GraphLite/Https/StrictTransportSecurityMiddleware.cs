namespace GraphLite.Https;

/// <summary>
/// Adds <c>Strict-Transport-Security: max-age=31536000</c> to every HTTPS response, errors included, as Graph
/// does. HTTP responses get none.
/// </summary>
/// <remarks>
/// ASP.NET Core's HSTS middleware skips localhost and 127.0.0.1, the addresses GraphLite serves, so this one writes
/// the header itself. A request that a trusted reverse proxy forwarded as https counts as HTTPS.
/// </remarks>
public sealed class StrictTransportSecurityMiddleware(RequestDelegate next)
{
    public const string HeaderValue = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            // Set when the response starts, because the error pipeline clears the headers before it writes an error.
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.StrictTransportSecurity = HeaderValue;
                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }
}
