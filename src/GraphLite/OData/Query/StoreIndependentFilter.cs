using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace GraphLite.OData.Query;

/// <summary>
/// Rejects the parts of a <c>$filter</c> that the stores would evaluate differently, so that a query either runs the
/// same on every store or is a 400 on every store.
/// </summary>
public static class StoreIndependentFilter
{
    /// <summary>Throws <see cref="ODataException"/> for the first such part of <paramref name="node"/>.</summary>
    public static void Check(QueryNode? node)
    {
        if (node is null)
        {
            return;
        }

        var function = node switch
        {
            SingleValueFunctionCallNode call => call.Name,
            SingleResourceFunctionCallNode call => call.Name,
            _ => null,
        };
        if (string.Equals(function, "matchesPattern", StringComparison.OrdinalIgnoreCase))
        {
            // .NET, SQLite and PostgreSQL each read regular expressions in their own dialect, and only .NET runs them here.
            throw new ODataException("The function matchesPattern is not supported. Use contains, startswith or endswith.");
        }

        if (string.Equals(function, "isof", StringComparison.OrdinalIgnoreCase))
        {
            throw new ODataException("The function isof is not supported, because every entity set of GraphLite contains a single type.");
        }

        if (node is SingleValueFunctionCallNode substring && string.Equals(substring.Name, "substring", StringComparison.OrdinalIgnoreCase)
            && substring.Parameters.Skip(1).Any(IsNegative))
        {
            // .NET, SQLite and PostgreSQL each count a negative start or length differently.
            throw new ODataException("The start and length of substring must not be negative.");
        }

        if (node is BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Modulo } division && IsZero(division.Right))
        {
            // PostgreSQL and .NET fail on it, SQLite returns null.
            // NOTE: a divisor that is zero only when the query runs still differs: a 400 on PostgreSQL and the
            // in-memory store, no match on SQLite.
            throw new ODataException("The $filter divides by zero.");
        }

        foreach (var child in ExpressionSize.Children(node))
        {
            Check(child);
        }
    }

    private static bool IsNegative(QueryNode node) => node switch
    {
        ConvertNode convert => IsNegative(convert.Source),
        ConstantNode { Value: int value } => value < 0,
        ConstantNode { Value: long value } => value < 0,
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Negate } => true,
        _ => false,
    };

    private static bool IsZero(QueryNode node) => node switch
    {
        ConvertNode convert => IsZero(convert.Source),
        ConstantNode { Value: int value } => value == 0,
        ConstantNode { Value: long value } => value == 0,
        ConstantNode { Value: short value } => value == 0,
        ConstantNode { Value: byte value } => value == 0,
        ConstantNode { Value: sbyte value } => value == 0,
        ConstantNode { Value: decimal value } => value == 0,
        ConstantNode { Value: double value } => value == 0,
        ConstantNode { Value: float value } => value == 0,
        _ => false,
    };
}
