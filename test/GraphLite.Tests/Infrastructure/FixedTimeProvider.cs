namespace GraphLite.Tests.Infrastructure;

/// <summary>A clock that always reads the time it was given.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
