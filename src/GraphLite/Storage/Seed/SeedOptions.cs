namespace GraphLite.Storage.Seed;

/// <summary>The seed settings, bound from <c>GraphLite:Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "GraphLite:Seed";

    public const string PathKey = SectionName + ":Path";

    /// <summary>The entity set whose entities a seed file contains.</summary>
    public const string EntitySetName = "participantLeftNotifications";

    /// <summary>
    /// A JSON file of participantLeftNotifications to load at start-up into an empty store, relative to the current
    /// directory; null or empty loads nothing.
    /// </summary>
    public string? Path { get; set; }
}
