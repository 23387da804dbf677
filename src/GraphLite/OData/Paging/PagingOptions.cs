using System.ComponentModel.DataAnnotations;

namespace GraphLite.OData.Paging;

/// <summary>
/// Server-driven paging of entity sets, bound from <c>GraphLite:Paging</c>.
/// </summary>
public sealed class PagingOptions : IValidatableObject
{
    public const string SectionName = "GraphLite:Paging";

    public const int MinSkipTokenKeyBytes = 32;

    /// <summary>Items per page when the request sets neither <c>$top</c> nor <c>Prefer: odata.maxpagesize</c>.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest page: the upper bound of <c>$top</c> and of <c>odata.maxpagesize</c>, as in Graph's directory.</summary>
    public int MaxPageSize { get; set; } = 999;

    /// <summary>How long a <c>$skiptoken</c> in an <c>@odata.nextLink</c> stays valid after GraphLite wrote it.</summary>
    public TimeSpan SkipTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The HMAC key that signs <c>$skiptoken</c> values, in base64, at least 32 bytes. Without it every process makes
    /// a key of its own at start-up. Instances that share a database behind one address need the same key, so that a
    /// page read from one continues on another.
    /// </summary>
    public string? SkipTokenKey { get; set; }

    /// <summary>Returns the bytes of <see cref="SkipTokenKey"/>, or null when it is unset or not valid base64.</summary>
    public byte[]? SkipTokenKeyBytes()
    {
        var bytes = new byte[SkipTokenKey?.Length ?? 0];
        return SkipTokenKey is not null && Convert.TryFromBase64String(SkipTokenKey, bytes, out var length) ? bytes[..length] : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var message = FirstError();
        return message is null ? [] : [new ValidationResult(message)];
    }

    private string? FirstError() => this switch
    {
        { MaxPageSize: < 1 } => $"{SectionName}:MaxPageSize must be at least 1; it is {MaxPageSize}.",
        { DefaultPageSize: < 1 } => $"{SectionName}:DefaultPageSize must be at least 1; it is {DefaultPageSize}.",
        _ when DefaultPageSize > MaxPageSize => $"{SectionName}:DefaultPageSize ({DefaultPageSize}) must not exceed {SectionName}:MaxPageSize ({MaxPageSize}).",
        _ when SkipTokenLifetime <= TimeSpan.Zero => $"{SectionName}:SkipTokenLifetime must be positive; it is {SkipTokenLifetime}.",
        { SkipTokenKey: not null } when SkipTokenKeyBytes() is not { Length: >= MinSkipTokenKeyBytes } =>
            $"{SectionName}:SkipTokenKey must be base64 of at least {MinSkipTokenKeyBytes} bytes, e.g. the output of 'openssl rand -base64 32'.",
        _ => null,
    };
}
