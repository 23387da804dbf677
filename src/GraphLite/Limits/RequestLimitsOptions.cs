using Microsoft.Extensions.Options;

namespace GraphLite.Limits;

/// <summary>
/// Request size and time limits, bound from <c>GraphLite:Limits</c>. GraphLite rejects a request over a size
/// limit with a Graph error. Kestrel gets limits twice as large as a last line of defence, and a request over
/// those gets Kestrel's own bare 4xx response before GraphLite sees it.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "GraphLite:Limits";

    /// <summary>The largest request body in bytes: 4 MiB, Graph's limit per request.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The longest request target (path and query) in bytes, not counting a <c>$skiptoken</c> parameter.</summary>
    public int MaxUrlLength { get; set; } = 8 * 1024;

    /// <summary>The largest total size of the request headers in bytes (names, values and separators).</summary>
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>The largest number of request headers.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>The slowest body upload accepted, in bytes per second, after the grace period.</summary>
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>The seconds a body may take before the minimum data rate applies; at least 2.</summary>
    public double RequestBodyGracePeriodSeconds { get; set; } = 5;

    /// <summary>The seconds a client has to send all request headers.</summary>
    public double RequestHeadersTimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks <see cref="RequestLimitsOptions"/> at start-up, naming the setting at fault.</summary>
public sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        void Require(bool condition, string setting, object value, string rule)
        {
            if (!condition)
            {
                failures.Add($"{RequestLimitsOptions.SectionName}:{setting} must be {rule}; it is {value}.");
            }
        }

        Require(options.MaxRequestBodyBytes > 0, nameof(options.MaxRequestBodyBytes), options.MaxRequestBodyBytes, "greater than 0");
        Require(options.MaxUrlLength > 0, nameof(options.MaxUrlLength), options.MaxUrlLength, "greater than 0");
        Require(options.MaxRequestHeadersTotalBytes > 0, nameof(options.MaxRequestHeadersTotalBytes), options.MaxRequestHeadersTotalBytes, "greater than 0");
        Require(options.MaxRequestHeaderCount > 0, nameof(options.MaxRequestHeaderCount), options.MaxRequestHeaderCount, "greater than 0");
        Require(options.MinRequestBodyDataRate > 0, nameof(options.MinRequestBodyDataRate), options.MinRequestBodyDataRate, "greater than 0");

        // Kestrel checks data rates once a second, so it rejects a grace period of a second or less.
        Require(options.RequestBodyGracePeriodSeconds >= 2, nameof(options.RequestBodyGracePeriodSeconds), options.RequestBodyGracePeriodSeconds, "at least 2");
        Require(options.RequestHeadersTimeoutSeconds > 0, nameof(options.RequestHeadersTimeoutSeconds), options.RequestHeadersTimeoutSeconds, "greater than 0");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
