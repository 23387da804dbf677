namespace GraphLite.Storage;

/// <summary>The stores GraphLite can keep its entities in, named as <c>GraphLite:Storage:Provider</c> accepts them.</summary>
public enum StorageProvider
{
    /// <summary>EF Core's in-memory provider: one database per process, lost when it stops.</summary>
    InMemory,

    /// <summary>A SQLite database file in WAL mode.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several GraphLite processes may share.</summary>
    PostgreSQL,
}
