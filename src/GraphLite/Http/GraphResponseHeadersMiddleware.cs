using System.Text.Json;

namespace GraphLite.Http;

/// <summary>
/// Adds the headers Graph puts on every response: request-id, client-request-id, Date and x-ms-ags-diagnostic,
/// and writes OData JSON Content-Types in Graph's spelling.
/// </summary>
public sealed class GraphResponseHeadersMiddleware(RequestDelegate next)
{
    public const string DiagnosticHeader = "x-ms-ags-diagnostic";

    /// <summary>
    /// The compact JSON Graph sends in x-ms-ags-diagnostic, naming where the request ran. GraphLite fills in its
    /// own name as the data center and the machine name as the role instance.
    /// </summary>
    public static readonly string Diagnostic = JsonSerializer.Serialize(new
    {
        ServerInfo = new { DataCenter = "GraphLite", Slice = "E", Ring = "5", ScaleUnit = "000", RoleInstance = Environment.MachineName },
    });

    public Task InvokeAsync(HttpContext context)
    {
        var ids = RequestIds.Of(context);
        context.Response.OnStarting(static state =>
        {
            var (response, ids) = ((HttpResponse, RequestIds))state;
            response.Headers[RequestIds.RequestIdHeader] = ids.RequestId;
            response.Headers[RequestIds.ClientRequestIdHeader] = ids.ClientRequestId;
            response.Headers[DiagnosticHeader] = Diagnostic;

            // Kestrel writes Date itself; the in-process test host does not.
            if (!response.Headers.ContainsKey("Date"))
            {
                response.Headers.Date = DateTimeOffset.UtcNow.ToString("R");
            }

            response.ContentType = ODataContentType.Normalize(response.ContentType);
            return Task.CompletedTask;
        }, (context.Response, ids));

        return next(context);
    }
}
