using System.ComponentModel.DataAnnotations;

namespace GraphLite.OData.Query;

/// <summary>
/// The limits that keep one query from costing too much, bound from <c>GraphLite:QueryLimits</c>. A request over
/// a limit is rejected with a 400 whose message names the limit.
/// </summary>
public sealed class QueryLimitsOptions : IValidatableObject
{
    public const string SectionName = "GraphLite:QueryLimits";

    /// <summary>The maximum number of nodes (operators, functions, properties, literals) in <c>$filter</c> or <c>$search</c>.</summary>
    public int MaxNodeCount { get; set; } = 100;

    /// <summary>The maximum nesting depth of the expression tree of <c>$filter</c> or <c>$search</c>.</summary>
    public int MaxNestingDepth { get; set; } = 20;

    /// <summary>The maximum number of sort keys in <c>$orderby</c>.</summary>
    public int MaxOrderByKeys { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var message = FirstError();
        return message is null ? [] : [new ValidationResult(message)];
    }

    private string? FirstError() => this switch
    {
        { MaxNodeCount: < 1 } => $"{SectionName}:MaxNodeCount must be at least 1; it is {MaxNodeCount}.",
        { MaxNestingDepth: < 1 } => $"{SectionName}:MaxNestingDepth must be at least 1; it is {MaxNestingDepth}.",
        { MaxOrderByKeys: < 1 } => $"{SectionName}:MaxOrderByKeys must be at least 1; it is {MaxOrderByKeys}.",
        _ => null,
    };
}
