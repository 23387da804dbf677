using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.Extensions.Options;

namespace GraphLite.OData;

/// <summary>
/// The service root of a request, <c>{scheme}://{host}{path base}/v1.0/</c>, from which every absolute link in a
/// response starts (<c>@odata.context</c>, <c>@odata.nextLink</c>, <c>Location</c>).
/// </summary>
/// <remarks>
/// AspNetCore.OData derives the same address through the routing system's link generator, which parses a route
/// pattern on every request. Building it from the request's own parts gives the same URL for less CPU.
/// </remarks>
public static class ServiceRoot
{
    public static Uri Of(HttpRequest request) => new(Text(request));

    /// <summary>Returns the service root as text, ending in a slash, for links built by appending to it.</summary>
    public static string Text(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/{ODataExtensions.RoutePrefix}/";
    }

    /// <summary>Makes AspNetCore.OData's input and output formatters use <see cref="Of"/>.</summary>
    public sealed class FormatterSetup : IPostConfigureOptions<MvcOptions>
    {
        public void PostConfigure(string? name, MvcOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            foreach (var formatter in options.OutputFormatters.OfType<ODataOutputFormatter>())
            {
                formatter.BaseAddressFactory = Of;
            }

            foreach (var formatter in options.InputFormatters.OfType<ODataInputFormatter>())
            {
                formatter.BaseAddressFactory = Of;
            }
        }
    }
}
