namespace GraphLite.Bench.Runner.Servers;

/// <summary>Waits until a started server returns 200 for the last stored row.</summary>
internal static class ReadyWait
{
    public static async Task UntilReadableAsync(ServerProcess server, string probePath, string? token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited before it was ready:{Environment.NewLine}{server.LastOutput()}");
            }

            if (server.WatchedLine is { } line && line.Contains(" failed:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(line);
            }

            if (server.WatchedPrefix is null || server.WatchedLine is not null)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(probePath, UriKind.Relative), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:F0} s:{Environment.NewLine}{server.LastOutput()}");
    }
}
