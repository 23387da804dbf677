using System.Reflection;

namespace GraphLite.OData.Paging;

/// <summary>One key of a sort order: a CLR property of the entity, its direction and whether it can be null.</summary>
public sealed record SortKey(PropertyInfo Property, bool Descending, bool IsNullable);
