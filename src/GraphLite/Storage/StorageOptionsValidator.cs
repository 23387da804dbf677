using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GraphLite.Storage;

/// <summary>
/// Rejects store settings that cannot work, with a message that names the setting and the values it accepts.
/// Whether the database can be reached is checked later, when the store opens at start-up.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string PostgreSqlExample = "Host=127.0.0.1;Port=5432;Database=graphlite;Username=graphlite;Password=...";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (!StorageOptions.TryParseProvider(options.Provider, out var provider))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.ProviderKey} has the invalid value '{options.Provider}'. Accepted values: {StorageOptions.AcceptedProviders}.");
        }

        var connectionString = options.ConnectionString;
        return provider switch
        {
            StorageProvider.InMemory when !string.IsNullOrWhiteSpace(connectionString) => ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is set, but {StorageOptions.ProviderKey} is InMemory, which takes no connection string. "
                + "Set the provider to Sqlite or PostgreSQL, or remove the connection string."),
            StorageProvider.PostgreSQL when string.IsNullOrWhiteSpace(connectionString) => ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is missing: the PostgreSQL provider needs one, e.g. '{PostgreSqlExample}'."),
            StorageProvider.Sqlite when !string.IsNullOrWhiteSpace(connectionString) => CheckSyntax(provider, () => new SqliteConnectionStringBuilder(connectionString).ToString()),
            StorageProvider.PostgreSQL => CheckSyntax(provider, () => new NpgsqlConnectionStringBuilder(connectionString).ToString()),
            _ => ValidateOptionsResult.Success,
        };
    }

    private static string DisplayName(StorageProvider provider) => provider == StorageProvider.Sqlite ? "SQLite" : provider.ToString();

    private static ValidateOptionsResult CheckSyntax(StorageProvider provider, Func<string> parse)
    {
        try
        {
            _ = parse();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception) when (exception.ParamName is { Length: > 0 } keyword)
        {
            // Only the keyword is named, never a value, so that no password is repeated.
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is not a valid {DisplayName(provider)} connection string: the keyword '{keyword}' is unknown or its value is invalid.");
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is not a valid {DisplayName(provider)} connection string: {exception.Message}");
        }
    }
}
