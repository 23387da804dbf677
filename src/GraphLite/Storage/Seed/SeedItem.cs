using GraphLite.Model;

namespace GraphLite.Storage.Seed;

/// <summary>One entity read from a seed file, with the line where its JSON object starts.</summary>
public sealed record SeedItem(int Line, Entity Entity);
