namespace GraphLite.Model;

/// <summary>
/// The CLR side of <c>microsoft.graph.entity</c>, the abstract base of every Graph entity type.
/// </summary>
public abstract class Entity
{
    /// <summary>
    /// The key. Clients may choose it on create; otherwise GraphLite makes a lower-case GUID. It is null only
    /// between reading a create request that omits it and assigning the new GUID.
    /// </summary>
    public string Id { get; set; } = null!;

    /// <summary>
    /// The store's concurrency token, raised by every write; ETags are made from it. It is not part of the EDM
    /// model, so clients never read or write it as a property.
    /// </summary>
    public long RowVersion { get; set; }
}
