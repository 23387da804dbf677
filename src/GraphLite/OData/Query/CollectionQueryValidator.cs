using GraphLite.Errors;
using GraphLite.OData.Paging;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.Extensions.Options;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using Microsoft.OData.UriParser;

namespace GraphLite.OData.Query;

/// <summary>
/// Checks the query options of a collection request before any of them runs: the ranges of <c>$top</c> and
/// <c>$skip</c>, the syntax and properties of every option, and the limits in <see cref="QueryLimitsOptions"/>.
/// </summary>
/// <remarks>Query option names reach it in the form <see cref="QueryOptionNamesMiddleware"/> writes: <c>$top</c>.</remarks>
public sealed class CollectionQueryValidator(IOptions<QueryLimitsOptions> limits, IOptions<PagingOptions> paging)
{
    private static readonly string[] s_supportedOptions = ["$count", "$expand", "$filter", "$format", "$orderby", "$search", "$select", "$skip", "$skiptoken", "$top"];

    /// <summary>Checks the options whose raw values AspNetCore.OData does not range-check the way Graph does.</summary>
    public GraphError? ValidateRaw(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);

        if (query.Keys.FirstOrDefault(name => name.StartsWith('$') && !s_supportedOptions.Contains(name)) is { } unsupported)
        {
            return GraphError.BadRequest(
                $"The query option '{unsupported}' is not supported. The supported query options are {string.Join(", ", s_supportedOptions)}.");
        }

        var maxPageSize = paging.Value.MaxPageSize;
        if (query.TryGetValue("$top", out var top) && !TryParseTop(top.ToString(), maxPageSize, out _))
        {
            return GraphError.BadRequest(
                $"The value of $top must be an integer from 1 to {maxPageSize}, the maximum page size; the request has '{top}'.");
        }

        if (query.TryGetValue("$skip", out var skip) && !TryParseSkip(skip.ToString(), out _))
        {
            return GraphError.BadRequest(
                $"The value of $skip must be an integer from 0 to {int.MaxValue}; the request has '{skip}'.");
        }

        if (query.TryGetValue("$count", out var count) && !bool.TryParse(count.ToString(), out _))
        {
            return GraphError.BadRequest($"The value of $count must be true or false; the request has '{count}'.");
        }

        if (query.TryGetValue("$skiptoken", out var skipToken))
        {
            if (string.IsNullOrEmpty(skipToken.ToString()))
            {
                return GraphError.BadRequest("The $skiptoken is empty. Use the @odata.nextLink of the previous page as it is.");
            }

            if (query.ContainsKey("$skip"))
            {
                return GraphError.BadRequest("$skip and $skiptoken cannot be combined: the @odata.nextLink already continues after the skipped items.");
            }
        }

        return null;
    }

    /// <summary>
    /// Parses every option, so that a syntax error, an unknown property or a type mismatch is reported before the
    /// query runs, and checks the size of <c>$filter</c>, <c>$search</c> and <c>$orderby</c>. Returns the sort keys.
    /// </summary>
    public GraphError? ValidateParsed(ODataQueryOptions options, out IReadOnlyList<SortKey> sortKeys)
    {
        ArgumentNullException.ThrowIfNull(options);

        sortKeys = [];
        try
        {
            _ = options.SelectExpand?.SelectExpandClause;
            _ = options.Count?.Value;
            StoreIndependentFilter.Check(options.Filter?.FilterClause?.Expression);
            return CheckSize("$filter", options.Filter?.FilterClause?.Expression)
                ?? CheckSize("$search", ParseSearch(options))
                ?? ReadSortKeys(options.OrderBy?.OrderByClause, options.Context.Model, out sortKeys);
        }
        catch (ODataException exception)
        {
            return InvalidQuery(exception);
        }
    }

    /// <summary>The error for a query option that ODataLib or AspNetCore.OData rejected, with their message.</summary>
    public static GraphError InvalidQuery(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return GraphError.BadRequest($"The query specified in the URI is not valid. {exception.Message}");
    }

    /// <summary>Parses <c>$search</c>, adding to an invalid character error how to write such terms.</summary>
    private static SingleValueNode? ParseSearch(ODataQueryOptions options)
    {
        try
        {
            return options.Search?.SearchClause?.Expression;
        }
        catch (ODataException exception) when (exception.Message.Contains("is not valid at position", StringComparison.Ordinal))
        {
            throw new ODataException(
                $"{exception.Message} Unquoted $search terms may hold letters only; put other terms in double quotes, e.g. $search=\"5c8a-participant\".",
                exception);
        }
    }

    public static bool TryParseTop(string text, int maxPageSize, out int top) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out top) && top >= 1 && top <= maxPageSize;

    public static bool TryParseSkip(string text, out int skip) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip);

    private GraphError? CheckSize(string option, QueryNode? expression)
    {
        var size = ExpressionSize.Of(expression);
        var max = limits.Value;
        if (size.NodeCount > max.MaxNodeCount)
        {
            return GraphError.BadRequest(
                $"The {option} has {size.NodeCount} nodes (operators, functions, properties and values); the maximum is {max.MaxNodeCount}. Split the query into smaller ones.");
        }

        return size.Depth > max.MaxNestingDepth
            ? GraphError.BadRequest($"The {option} is nested {size.Depth} levels deep; the maximum nesting depth is {max.MaxNestingDepth}.")
            : null;
    }

    private GraphError? ReadSortKeys(OrderByClause? clause, IEdmModel model, out IReadOnlyList<SortKey> sortKeys)
    {
        var keys = new List<SortKey>();
        sortKeys = keys;
        for (; clause is not null; clause = clause.ThenBy)
        {
            if (clause.Expression is not SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode, Property: IEdmStructuralProperty property }
                || !property.Type.IsPrimitive())
            {
                return GraphError.BadRequest(
                    "$orderby sorts only by primitive properties of the entity, e.g. '$orderby=participantId desc,id'; functions and expressions are not supported.");
            }

            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(property).ClrPropertyInfo;
            keys.Add(new SortKey(clrProperty, clause.Direction == OrderByDirection.Descending, property.Type.IsNullable));
        }

        return keys.Count > limits.Value.MaxOrderByKeys
            ? GraphError.BadRequest($"The $orderby has {keys.Count} sort keys; the maximum is {limits.Value.MaxOrderByKeys}.")
            : null;
    }
}
