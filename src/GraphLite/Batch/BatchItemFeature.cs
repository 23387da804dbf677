namespace GraphLite.Batch;

/// <summary>
/// Marks a request that runs as one item of a JSON $batch, so middleware can tell it from a request that came
/// over the wire.
/// </summary>
/// <param name="ItemId">The item's id in the batch.</param>
/// <param name="BatchRequestId">The request-id of the $batch request that carried it.</param>
public sealed record BatchItemFeature(string ItemId, string BatchRequestId);
