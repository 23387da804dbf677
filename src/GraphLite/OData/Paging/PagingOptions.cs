using System.ComponentModel.DataAnnotations;

namespace GraphLite.OData.Paging;

/// <summary>
/// Server-driven paging of entity sets, bound from <c>GraphLite:Paging</c>.
/// </summary>
public sealed class PagingOptions : IValidatableObject
{
    public const string SectionName = "GraphLite:Paging";

    /// <summary>Items per page when the request sets neither <c>$top</c> nor <c>Prefer: odata.maxpagesize</c>.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest page: the upper bound of <c>$top</c> and of <c>odata.maxpagesize</c>, as in Graph's directory.</summary>
    public int MaxPageSize { get; set; } = 999;

    /// <summary>How long a <c>$skiptoken</c> in an <c>@odata.nextLink</c> stays valid after GraphLite wrote it.</summary>
    public TimeSpan SkipTokenLifetime { get; set; } = TimeSpan.FromHours(1);

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
        _ => null,
    };
}
