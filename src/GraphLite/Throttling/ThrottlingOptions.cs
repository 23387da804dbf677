using Microsoft.Extensions.Options;

namespace GraphLite.Throttling;

/// <summary>What the rate limiter counts requests by.</summary>
public enum ThrottlingPartition
{
    /// <summary>The token's sub claim; requests without a valid token count by client address.</summary>
    Subject,

    /// <summary>The token's client application (azp, else appid); requests without one count by client address.</summary>
    Client,

    /// <summary>The client's IP address.</summary>
    ClientAddress,
}

/// <summary>
/// The optional rate limiter, bound from <c>GraphLite:Throttling</c>: at most <see cref="PermitLimit"/> requests per
/// <see cref="WindowSeconds"/> for each partition. Off by default.
/// </summary>
public sealed class ThrottlingOptions
{
    public const string SectionName = "GraphLite:Throttling";

    public bool Enabled { get; set; }

    public ThrottlingPartition PartitionBy { get; set; } = ThrottlingPartition.Subject;

    /// <summary>The requests each partition may make per window.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>The length of the fixed window in seconds.</summary>
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>Checks <see cref="ThrottlingOptions"/> at start-up, naming the setting at fault.</summary>
public sealed class ThrottlingOptionsValidator : IValidateOptions<ThrottlingOptions>
{
    public ValidateOptionsResult Validate(string? name, ThrottlingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.PermitLimit <= 0)
        {
            failures.Add($"{ThrottlingOptions.SectionName}:PermitLimit must be greater than 0; it is {options.PermitLimit}.");
        }

        if (options.WindowSeconds <= 0)
        {
            failures.Add($"{ThrottlingOptions.SectionName}:WindowSeconds must be greater than 0; it is {options.WindowSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
