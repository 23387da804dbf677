namespace GraphLite.Storage;

/// <summary>
/// The connection string that the <c>dotnet ef</c> commands use for one provider. They read the configuration as
/// the server does (appsettings.json, environment variables, then the arguments after <c>--</c>), so
/// <c>dotnet ef database update</c> updates the database the server would open.
/// </summary>
internal static class DesignTimeConnection
{
    /// <summary>Enough for <c>dotnet ef migrations add</c> and <c>migrations script</c>, which never connect.</summary>
    private const string PostgreSqlPlaceholder = "Host=127.0.0.1;Database=graphlite";

    public static string For(StorageProvider provider, string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        // A connection string configured for another provider would not parse, so it is used only when the
        // configured provider is the one the command works on.
        var configured = StorageOptions.TryParseProvider(configuration[StorageOptions.ProviderKey], out var configuredProvider) && configuredProvider == provider
            ? configuration[StorageOptions.ConnectionStringKey]
            : null;

        // Only PostgreSQL without a configured connection string has no effective one.
        return StorageDatabase.Effective(provider, configured, configuration) ?? PostgreSqlPlaceholder;
    }
}
