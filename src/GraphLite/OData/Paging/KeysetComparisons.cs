using System.Linq.Expressions;

namespace GraphLite.OData.Paging;

/// <summary>
/// Builds the comparisons of a keyset filter with the last row's values as query parameters, so that EF Core
/// reuses one query plan for every page.
/// </summary>
internal static class KeysetComparisons
{
    private static readonly System.Reflection.MethodInfo s_stringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Returns the test that a row's key comes after <paramref name="value"/> in the key's direction, or null when
    /// no value can (nothing follows null in descending order).
    /// </summary>
    public static Expression? Beyond(MemberExpression member, object? value, SortKey key)
    {
        var isNull = Expression.Equal(member, Expression.Constant(null, member.Type));
        if (value is null)
        {
            return key.Descending ? null : Expression.Not(isNull);
        }

        var compared = Compare(member, Parameter(value, member.Type), key.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        if (!key.IsNullable)
        {
            return compared;
        }

        return key.Descending ? Expression.OrElse(isNull, compared) : Expression.AndAlso(Expression.Not(isNull), compared);
    }

    public static Expression EqualTo(MemberExpression member, object? value) => value is null
        ? Expression.Equal(member, Expression.Constant(null, member.Type))
        : Expression.Equal(member, Parameter(value, member.Type));

    /// <summary>
    /// Compares with the type's operator, or with <c>string.Compare</c> for strings, which EF Core translates to
    /// the SQL operator under the column's collation, the same collation its ORDER BY uses.
    /// </summary>
    private static BinaryExpression Compare(Expression member, Expression value, ExpressionType comparison)
    {
        if (member.Type == typeof(string))
        {
            return Expression.MakeBinary(comparison, Expression.Call(s_stringCompare, member, value), Expression.Constant(0));
        }

        try
        {
            return Expression.MakeBinary(comparison, member, value);
        }
        catch (InvalidOperationException)
        {
            // NOTE: types without comparison operators (Guid, bool) fall back to CompareTo, which the in-memory
            // provider runs but relational providers may not translate.
            var compareTo = Expression.Call(member, member.Type.GetMethod(nameof(IComparable.CompareTo), [member.Type])!, value);
            return Expression.MakeBinary(comparison, compareTo, Expression.Constant(0));
        }
    }

    private static MemberExpression Parameter(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<object>.Value));
    }

    /// <summary>A closure-like object: EF Core turns a member read on a constant object into a query parameter.</summary>
    private sealed class ValueHolder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
