using System.Globalization;

namespace GraphLite.Http;

/// <summary>
/// The preferences of a request's <c>Prefer</c> headers that GraphLite honours: <c>return</c> and
/// <c>odata.maxpagesize</c>.
/// </summary>
/// <remarks>
/// Preference names are case-insensitive, several may share one header separated by commas, and a preference
/// with a value GraphLite cannot use is ignored, as RFC 7240 recommends.
/// </remarks>
public sealed record PreferHeader(string? Return, int? MaxPageSize)
{
    public const string HeaderName = "Prefer";
    public const string AppliedHeaderName = "Preference-Applied";
    public const string ReturnMinimal = "minimal";
    public const string ReturnRepresentation = "representation";

    public bool ReturnsMinimal => string.Equals(Return, ReturnMinimal, StringComparison.OrdinalIgnoreCase);

    public bool ReturnsRepresentation => string.Equals(Return, ReturnRepresentation, StringComparison.OrdinalIgnoreCase);

    public static PreferHeader Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        string? returnValue = null;
        int? maxPageSize = null;
        foreach (var header in request.Headers[HeaderName])
        {
            foreach (var preference in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Parameters after ';' refine a preference; none of the preferences read here has any.
                var token = preference.Split(';', 2)[0];
                var parts = token.Split('=', 2, StringSplitOptions.TrimEntries);
                var name = parts[0];
                var value = parts.Length == 2 ? parts[1].Trim('"') : string.Empty;

                if (name.Equals("return", StringComparison.OrdinalIgnoreCase)
                    && (value.Equals(ReturnMinimal, StringComparison.OrdinalIgnoreCase) || value.Equals(ReturnRepresentation, StringComparison.OrdinalIgnoreCase)))
                {
                    returnValue = value.ToLowerInvariant();
                }
                else if ((name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase) || name.Equals("maxpagesize", StringComparison.OrdinalIgnoreCase))
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                {
                    maxPageSize = size;
                }
            }
        }

        return new PreferHeader(returnValue, maxPageSize);
    }

    /// <summary>Adds one applied preference to the response's <c>Preference-Applied</c> header.</summary>
    public static void AddApplied(HttpResponse response, string preference)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Append(AppliedHeaderName, preference);
    }
}
