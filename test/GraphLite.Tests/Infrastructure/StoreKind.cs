namespace GraphLite.Tests.Infrastructure;

/// <summary>The stores that the contract tests run against, named as <c>GraphLite:Storage:Provider</c> names them.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
    PostgreSQL,
}
