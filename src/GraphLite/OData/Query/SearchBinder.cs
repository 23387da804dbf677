using System.Linq.Expressions;
using System.Reflection;
using GraphLite.Model;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace GraphLite.OData.Query;

/// <summary>
/// Binds <c>$search</c> to the properties marked <see cref="SearchableAttribute"/>: a term matches an entity when
/// one of them contains it, ignoring case.
/// </summary>
/// <remarks>
/// <para>The OData search syntax applies: terms separated by spaces must all match (implicit AND), <c>OR</c> and
/// <c>NOT</c> combine terms, parentheses group, and a phrase in double quotes is one term with its spaces.</para>
/// <para>A term may name the property as Graph's directory does, <c>"participantId:5c8a"</c>; it then matches
/// that property only.</para>
/// </remarks>
public sealed class SearchBinder : ISearchBinder
{
    private static readonly MethodInfo s_toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo s_contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    public Expression BindSearch(SearchClause searchClause, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(searchClause);
        ArgumentNullException.ThrowIfNull(context);

        var entityType = context.ElementClrType;
        var properties = entityType.GetProperties()
            .Where(property => property.PropertyType == typeof(string) && property.IsDefined(typeof(SearchableAttribute)))
            .ToList();
        if (properties.Count == 0)
        {
            throw new ODataException($"$search is not supported on {CamelCase(entityType.Name)}: it has no searchable property.");
        }

        var parameter = Expression.Parameter(entityType, "$it");
        return Expression.Lambda(Bind(searchClause.Expression, parameter, properties), parameter);
    }

    private static Expression Bind(SingleValueNode node, ParameterExpression parameter, List<PropertyInfo> properties) => node switch
    {
        SearchTermNode term => BindTerm(term.Text, parameter, properties),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and =>
            Expression.AndAlso(Bind(and.Left, parameter, properties), Bind(and.Right, parameter, properties)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or =>
            Expression.OrElse(Bind(or.Left, parameter, properties), Bind(or.Right, parameter, properties)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, parameter, properties)),
        _ => throw new ODataException($"The $search expression '{node.Kind}' is not supported. Use terms, phrases in double quotes, AND, OR and NOT."),
    };

    private static Expression BindTerm(string text, ParameterExpression parameter, List<PropertyInfo> properties)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0 && properties.FirstOrDefault(property => property.Name.Equals(text[..separator], StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            properties = [named];
            text = text[(separator + 1)..];
        }

        // NOTE: SQLite's lower() and PostgreSQL's under the "C" collation change ASCII letters only. On those stores a
        // stored non-ASCII capital, such as the É of École, matches no term; the in-memory store folds every letter.
        var lowered = new TermHolder(text.ToLowerInvariant());
        var term = Expression.Property(Expression.Constant(lowered), nameof(TermHolder.Value));
        return properties
            .Select(property => (Expression)Expression.AndAlso(
                Expression.NotEqual(Expression.Property(parameter, property), Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(Expression.Property(parameter, property), s_toLower), s_contains, term)))
            .Aggregate(Expression.OrElse);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Holds a term so that EF Core sends it as a query parameter rather than inlining it in SQL.</summary>
    private sealed record TermHolder(string Value);
}
