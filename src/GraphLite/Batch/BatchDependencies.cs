namespace GraphLite.Batch;

/// <summary>
/// Checks the ids and dependsOn links of a batch: ids unique ignoring case, every dependsOn naming a request
/// of the batch, and no cycle.
/// </summary>
public static class BatchDependencies
{
    /// <summary>Returns the message of the first rule the batch breaks, or null.</summary>
    public static string? Validate(IReadOnlyList<BatchRequestItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        var byId = new Dictionary<string, BatchRequestItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!byId.TryAdd(item.Id, item))
            {
                return $"The batch contains the request id '{item.Id}' more than once; ids must be unique, ignoring case.";
            }
        }

        foreach (var item in items)
        {
            var unknown = item.DependsOn.FirstOrDefault(id => !byId.ContainsKey(id));
            if (unknown is not null)
            {
                return $"Request '{item.Id}' depends on '{unknown}', which is not a request of this batch.";
            }
        }

        var finished = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var cycle = FindCycle(item, byId, finished, []);
            if (cycle is not null)
            {
                return $"The dependsOn links form a cycle: {string.Join(" -> ", cycle)}.";
            }
        }

        return null;
    }

    /// <summary>Depth-first search; returns the ids along a cycle reachable from <paramref name="item"/>, or null.</summary>
    private static List<string>? FindCycle(
        BatchRequestItem item,
        Dictionary<string, BatchRequestItem> byId,
        HashSet<string> finished,
        List<string> path)
    {
        if (finished.Contains(item.Id))
        {
            return null;
        }

        var repeated = path.FindIndex(id => id.Equals(item.Id, StringComparison.OrdinalIgnoreCase));
        if (repeated >= 0)
        {
            return [.. path[repeated..], item.Id];
        }

        path.Add(item.Id);
        foreach (var dependency in item.DependsOn)
        {
            var cycle = FindCycle(byId[dependency], byId, finished, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        finished.Add(item.Id);
        return null;
    }
}
