namespace GraphLite.Bench.Runner.Servers;

/// <summary>One kind of server the benchmark measures: how to start it with N rows and what each scenario sends.</summary>
internal abstract class ServerUnderTest
{
    /// <summary>The name in the table, e.g. "GraphLite InMemory".</summary>
    public abstract string Name { get; }

    /// <summary>True for GraphLite's own stores, whose figures get a ratio to the ceiling and targets.</summary>
    public virtual bool IsGraphLite => false;

    /// <summary>True for the ceiling that every other server's throughput is divided by.</summary>
    public virtual bool IsCeiling => false;

    /// <summary>Returns why this server cannot run here, or null when it can.</summary>
    public virtual string? FindUnavailableReason() => null;

    /// <summary>Starts the server with <paramref name="rows"/> stored rows and waits until all are readable.</summary>
    public abstract Task<RunningServer> StartAsync(long rows, int port, CancellationToken cancellationToken);

    /// <summary>Returns the request of a scenario on this server, or null when the server has no such call.</summary>
    public abstract ScenarioRequest? FindRequest(Scenario scenario, long rows);
}

/// <summary>A started server, with the bearer token its requests carry (null when it needs none).</summary>
internal sealed class RunningServer(ServerProcess process, string? token) : IAsyncDisposable
{
    public ServerProcess Process { get; } = process;

    public string? Token { get; } = token;

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
