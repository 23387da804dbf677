namespace GraphLite.Storage;

/// <summary>The store settings, bound from <c>GraphLite:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "GraphLite:Storage";

    public const string ProviderKey = SectionName + ":Provider";

    public const string ConnectionStringKey = SectionName + ":ConnectionString";

    /// <summary>
    /// The provider name: <c>InMemory</c> (the default), <c>Sqlite</c> or <c>PostgreSQL</c>, in any letter case.
    /// It is a string rather than <see cref="StorageProvider"/> so that a wrong value reaches the validator, which
    /// names the accepted values, instead of failing inside the configuration binder.
    /// </summary>
    public string Provider { get; set; } = nameof(StorageProvider.InMemory);

    /// <summary>
    /// The ADO.NET connection string. Optional for SQLite, where the default is <c>graphlite.db</c> in the data
    /// folder; required for PostgreSQL; not accepted for InMemory.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider that <see cref="Provider"/> names. Call it only on validated options.</summary>
    public StorageProvider ProviderKind => TryParseProvider(Provider, out var kind)
        ? kind
        : throw new InvalidOperationException($"{ProviderKey} '{Provider}' is not a storage provider.");

    public static string AcceptedProviders => string.Join(", ", Enum.GetNames<StorageProvider>());

    /// <summary>Parses a provider name in any letter case; numbers are not accepted although Enum.TryParse takes them.</summary>
    public static bool TryParseProvider(string? value, out StorageProvider provider)
    {
        var name = Enum.GetNames<StorageProvider>()
            .FirstOrDefault(candidate => candidate.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase));
        provider = name is null ? default : Enum.Parse<StorageProvider>(name);
        return name is not null;
    }
}
