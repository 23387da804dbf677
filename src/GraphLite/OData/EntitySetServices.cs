using GraphLite.Model;
using GraphLite.OData.Paging;
using GraphLite.OData.Writes;

namespace GraphLite.OData;

/// <summary>The services every <see cref="EntitySetController{TEntity}"/> uses, in one constructor parameter.</summary>
public sealed record EntitySetServices(EntitySetPager Pager, EntityWriter Writer, EntityChanges Changes, EntityValidator Validator);
