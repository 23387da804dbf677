namespace GraphLite.Tests.Infrastructure;

/// <summary>Fixture arguments for tests that run once per store.</summary>
public static class StoreKinds
{
    public static IEnumerable<TestFixtureData> All { get; } =
    [
        new TestFixtureData(StoreKind.InMemory),
        new TestFixtureData(StoreKind.Sqlite),
        new TestFixtureData(StoreKind.PostgreSQL),
    ];

    public static IEnumerable<TestFixtureData> Durable { get; } =
    [
        new TestFixtureData(StoreKind.Sqlite),
        new TestFixtureData(StoreKind.PostgreSQL),
    ];
}
