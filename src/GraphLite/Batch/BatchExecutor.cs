using GraphLite.Errors;

namespace GraphLite.Batch;

/// <summary>
/// Runs the items of a batch. An item starts once every item it depends on has finished. If one of them failed
/// (status 400 or more), the item does not run and gets a 424. Items without a dependency between them run in
/// parallel, at most <see cref="MaxParallelItems"/> at a time.
/// </summary>
public sealed class BatchExecutor(SubRequestDispatcher dispatcher)
{
    /// <summary>How many items of one batch run at once; a batch has at most 20.</summary>
    public const int MaxParallelItems = 4;

    /// <summary>Returns the responses in the order of <paramref name="items"/>, whose dependsOn links form no cycle.</summary>
    public async Task<IReadOnlyList<BatchResponseItem>> ExecuteAsync(HttpContext batch, IReadOnlyList<BatchRequestItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);

        using var gate = new SemaphoreSlim(MaxParallelItems);
        var byId = items.ToDictionary(item => item.Id, StringComparer.OrdinalIgnoreCase);
        var running = new Dictionary<string, Task<BatchResponseItem>>(StringComparer.OrdinalIgnoreCase);

        // Starts an item after starting its dependencies. This runs before any await, on one thread, so the
        // dictionary needs no lock; the batch has no cycle, so the recursion ends.
        Task<BatchResponseItem> Start(BatchRequestItem item)
        {
            if (!running.TryGetValue(item.Id, out var task))
            {
                var dependencies = item.DependsOn.Select(id => Start(byId[id])).ToList();
                task = RunAsync(batch, item, dependencies, gate, cancellationToken);
                running[item.Id] = task;
            }

            return task;
        }

        var tasks = items.Select(Start).ToList();
        return await Task.WhenAll(tasks);
    }

    private async Task<BatchResponseItem> RunAsync(
        HttpContext batch,
        BatchRequestItem item,
        List<Task<BatchResponseItem>> dependencies,
        SemaphoreSlim gate,
        CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAll(dependencies);
        var failed = finished.FirstOrDefault(response => response.Status >= StatusCodes.Status400BadRequest);
        if (failed is not null)
        {
            return SubRequestDispatcher.FailedDependency(batch, item, failed);
        }

        if (IsNestedBatch(item.Url))
        {
            return SubRequestDispatcher.Synthesized(batch, item, GraphError.BadRequest("A $batch request cannot contain another $batch request."));
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return await dispatcher.SendAsync(batch, item, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsNestedBatch(string url)
    {
        var path = url.TrimStart('/').Split('?', 2)[0];
        return path.Equals("$batch", StringComparison.OrdinalIgnoreCase) || path.StartsWith("$batch/", StringComparison.OrdinalIgnoreCase);
    }
}
