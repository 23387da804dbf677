using System.Linq.Expressions;
using System.Text.Json;
using GraphLite.Model;

namespace GraphLite.OData.Paging;

/// <summary>
/// A total sort order over an entity set, the <c>$orderby</c> keys followed by <c>id</c>, and the filter that
/// selects the rows after a given row in that order. Pages read with it are keyset pages: a page filters for the
/// rows after its start instead of skipping rows, and rows written between two pages neither repeat nor vanish.
/// </summary>
/// <remarks>
/// Null sorts before every other value, so it comes first in ascending and last in descending order. For a
/// nullable key the order and the filter state it explicitly, because providers differ in where they put nulls.
/// The filter compares strings with <c>string.Compare</c> and other values with their operators, which EF Core
/// translates to SQL; see <see cref="KeysetComparisons"/> for the exception.
/// </remarks>
public sealed class KeysetOrder<TEntity>
    where TEntity : Entity
{
    private static readonly SortKey s_idKey = new(typeof(Entity).GetProperty(nameof(Entity.Id))!, Descending: false, IsNullable: false);

    private readonly List<SortKey> _keys = [];

    /// <summary>Creates the order of <paramref name="requested"/>, completed by <c>id</c> as the final tiebreaker.</summary>
    public KeysetOrder(IEnumerable<SortKey> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);

        foreach (var key in requested)
        {
            _keys.Add(key);

            // The id is unique: keys after it never decide the order.
            if (key.Property.Name == s_idKey.Property.Name)
            {
                return;
            }
        }

        _keys.Add(s_idKey);
    }

    public IReadOnlyList<SortKey> Keys => _keys;

    public IQueryable<TEntity> Sort(IQueryable<TEntity> query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var parameter = Expression.Parameter(typeof(TEntity), "entity");
        var first = true;
        foreach (var key in _keys)
        {
            var member = Expression.Property(parameter, key.Property);
            if (key.IsNullable)
            {
                var nullRank = Expression.Condition(Expression.Equal(member, Expression.Constant(null, member.Type)), Expression.Constant(0), Expression.Constant(1));
                query = OrderBy(query, Expression.Lambda(nullRank, parameter), key.Descending, first);
                first = false;
            }

            query = OrderBy(query, Expression.Lambda(member, parameter), key.Descending, first);
            first = false;
        }

        return query;
    }

    /// <summary>Keeps the rows that come after the row whose sort key values are <paramref name="lastKey"/>.</summary>
    public IQueryable<TEntity> After(IQueryable<TEntity> query, IReadOnlyList<object?> lastKey)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(lastKey);
        if (lastKey.Count != _keys.Count)
        {
            throw new ArgumentException($"Expected {_keys.Count} key values, got {lastKey.Count}.", nameof(lastKey));
        }

        // (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or ... or (k1 = v1 and ... and id > vid)
        var parameter = Expression.Parameter(typeof(TEntity), "entity");
        Expression? after = null;
        Expression? equalSoFar = null;
        for (var index = 0; index < _keys.Count; index++)
        {
            var key = _keys[index];
            var member = Expression.Property(parameter, key.Property);
            var value = lastKey[index];

            if (KeysetComparisons.Beyond(member, value, key) is { } beyond)
            {
                var branch = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
                after = after is null ? branch : Expression.OrElse(after, branch);
            }

            var equal = KeysetComparisons.EqualTo(member, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        var predicate = Expression.Lambda<Func<TEntity, bool>>(after ?? Expression.Constant(false), parameter);
        return query.Where(predicate);
    }

    /// <summary>Returns the sort key values of <paramref name="entity"/> as JSON, for a <see cref="SkipToken"/>.</summary>
    public IReadOnlyList<JsonElement> Encode(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _keys.Select(key => JsonSerializer.SerializeToElement(key.Property.GetValue(entity), key.Property.PropertyType)).ToList();
    }

    /// <summary>Reads sort key values written by <see cref="Encode"/>; returns false when they do not fit this order.</summary>
    public bool TryDecode(IReadOnlyList<JsonElement> encoded, out IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(encoded);

        values = [];
        if (encoded.Count != _keys.Count)
        {
            return false;
        }

        var decoded = new object?[_keys.Count];
        try
        {
            for (var index = 0; index < _keys.Count; index++)
            {
                decoded[index] = encoded[index].Deserialize(_keys[index].Property.PropertyType);
                if (decoded[index] is null && !_keys[index].IsNullable)
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        values = decoded;
        return true;
    }

    private static IQueryable<TEntity> OrderBy(IQueryable<TEntity> query, LambdaExpression selector, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(TEntity), selector.ReturnType], query.Expression, Expression.Quote(selector));
        return query.Provider.CreateQuery<TEntity>(call);
    }
}
