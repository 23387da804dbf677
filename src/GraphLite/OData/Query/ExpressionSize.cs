using Microsoft.OData.UriParser;

namespace GraphLite.OData.Query;

/// <summary>The node count and nesting depth of a parsed <c>$filter</c> or <c>$search</c> expression.</summary>
public readonly record struct ExpressionSize(int NodeCount, int Depth)
{
    /// <summary>
    /// Measures an expression tree: every operator, function call, property access and literal is a node, and
    /// every value in the list of an <c>in</c> operator is a node of its own. What the parser adds, the range
    /// variable (<c>$it</c>) a property access starts from and implicit type conversions, is not counted.
    /// </summary>
    public static ExpressionSize Of(QueryNode? node)
    {
        if (node is null or ResourceRangeVariableReferenceNode or NonResourceRangeVariableReferenceNode)
        {
            return new ExpressionSize(0, 0);
        }

        if (node is ConvertNode convert)
        {
            return Of(convert.Source);
        }

        var children = Children(node).Select(Of).ToList();
        return new ExpressionSize(
            1 + children.Sum(child => child.NodeCount) + ExtraNodes(node),
            1 + (children.Count == 0 ? 0 : children.Max(child => child.Depth)));
    }

    /// <summary>Returns the operands of an operator, the arguments of a function and the source of a property access.</summary>
    internal static IEnumerable<QueryNode?> Children(QueryNode node) => node switch
    {
        BinaryOperatorNode binary => [binary.Left, binary.Right],
        UnaryOperatorNode unary => [unary.Operand],
        InNode inNode => [inNode.Left, inNode.Right],
        SingleValueFunctionCallNode function => function.Parameters,
        SingleResourceFunctionCallNode function => function.Parameters,
        CollectionFunctionCallNode function => function.Parameters,
        AnyNode any => [any.Source, any.Body],
        AllNode all => [all.Source, all.Body],
        SingleValuePropertyAccessNode property => [property.Source],
        CollectionPropertyAccessNode property => [property.Source],
        SingleComplexNode complex => [complex.Source],
        SingleNavigationNode navigation => [navigation.Source],
        CollectionNavigationNode navigation => [navigation.Source],
        SingleResourceCastNode cast => [cast.Source],
        CollectionResourceCastNode cast => [cast.Source],
        _ => [],
    };

    private static int ExtraNodes(QueryNode node) => node is CollectionConstantNode list ? list.Collection.Count : 0;
}
