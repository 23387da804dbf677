using System.Globalization;
using System.Text.RegularExpressions;
using GraphLite.Commands;
using GraphLite.Hosting;
using GraphLite.Model;
using GraphLite.OData;

namespace GraphLite.Auth;

/// <summary>
/// <c>dotnet run --project src/GraphLite -- token [--scopes A,B] [--lifetime 1h] [--token-type app|delegated]
/// [--subject NAME] [--client ID]</c>: prints an offline-mode bearer token as the only line on stdout.
/// </summary>
/// <remarks>
/// The token is signed with the key in the data folder, which this command creates when it is missing, so a
/// server started later with the same data folder accepts it. Everything else goes to stderr.
/// </remarks>
public sealed partial class TokenCommand : IGraphLiteCommand
{
    private static readonly string[] s_options = ["scopes", "lifetime", "token-type", "subject", "client"];

    private static readonly TimeSpan s_maxLifetime = TimeSpan.FromDays(365);

    public string Name => "token";

    public async Task<int> RunAsync(string[] arguments, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(configuration);

        if (arguments.Any(argument => argument is "--help" or "-h" or "-?"))
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        var settings = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (settings.Enabled && settings.Mode == AuthMode.Oidc)
        {
            await Console.Error.WriteLineAsync(
                $"GraphLite:Auth:Mode is Oidc: GraphLite accepts tokens from {settings.Authority} only, so a token from this command would be rejected. Get one from that issuer, or switch to offline mode.");
            return 1;
        }

        var permissions = new GraphPermissions(GraphModel.Instance, ODataExtensions.RoutePrefix);
        var (request, error) = ParseRequest(arguments, configuration, permissions);
        if (request is null)
        {
            await Console.Error.WriteLineAsync($"{error}{Environment.NewLine}{Usage}");
            return 2;
        }

        foreach (var unknown in request.Permissions.Where(name => !permissions.All.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            await Console.Error.WriteLineAsync($"Note: GraphLite checks no permission named '{unknown}'; it knows {string.Join(", ", permissions.All)}.");
        }

        var signingKey = SigningKeyStore.LoadOrCreate(DataFolder.FromConfiguration(configuration));
        var token = new OfflineTokenIssuer(signingKey).Issue(request);
        await Console.Error.WriteLineAsync(
            $"Token for '{request.Subject}' with {(request.Delegated ? "scp" : "roles")} [{string.Join(", ", request.Permissions)}], valid until {DateTime.UtcNow + request.Lifetime:yyyy-MM-ddTHH:mm:ssZ}; signed with the key in {signingKey.Path}.");
        await Console.Out.WriteLineAsync(token);
        return 0;
    }

    /// <summary>Parses a lifetime such as <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>7d</c> or <c>01:30:00</c>.</summary>
    public static TimeSpan? ParseLifetime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var unit = char.ToLowerInvariant(text[^1]);
        if ("smhd".Contains(unit, StringComparison.Ordinal)
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && double.IsFinite(amount) && amount > 0 && amount <= s_maxLifetime.TotalSeconds)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    private static (TokenRequest? Request, string? Error) ParseRequest(string[] arguments, IConfiguration configuration, GraphPermissions permissions)
    {
        var unknown = arguments
            .Where(argument => argument.StartsWith('-'))
            .Select(argument => argument.TrimStart('-').Split('=', 2)[0])
            .FirstOrDefault(name => !name.Contains(':', StringComparison.Ordinal) && !s_options.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return (null, $"Unknown option '--{unknown}'.");
        }

        var scopes = configuration["scopes"];
        var granted = scopes is null
            ? permissions.FullAccess
            : scopes.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var invalid = granted.FirstOrDefault(name => !PermissionName().IsMatch(name));
        if (invalid is not null)
        {
            return (null, $"'{invalid}' is not a permission name; names look like ParticipantLeftNotification.Read.All.");
        }

        var lifetimeText = configuration["lifetime"];
        var lifetime = lifetimeText is null ? TokenRequest.DefaultLifetime : ParseLifetime(lifetimeText);
        if (lifetime is not { } validLifetime || validLifetime <= TimeSpan.Zero || validLifetime > s_maxLifetime)
        {
            return (null, $"--lifetime '{lifetimeText}' is not a lifetime between 1s and 365d; write e.g. 90s, 30m, 2h, 7d or 01:30:00.");
        }

        var tokenType = configuration["token-type"] ?? "app";
        if (tokenType is not ("app" or "delegated"))
        {
            return (null, $"--token-type '{tokenType}' is invalid; use app (permissions in roles) or delegated (permissions in scp).");
        }

        return (new TokenRequest(
            granted,
            validLifetime,
            tokenType == "delegated",
            NonEmpty(configuration["subject"], TokenRequest.DefaultSubject),
            NonEmpty(configuration["client"], TokenRequest.DefaultClientId)), null);
    }

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex PermissionName();

    private const string Usage = """
        Usage: dotnet run --project src/GraphLite -- token [options]
        Prints a bearer token for offline mode as the last and only line on stdout.
          --scopes A,B          permissions to grant, e.g. ParticipantLeftNotification.Read.All
                                (default: every ReadWrite.All permission; --scopes "" grants none)
          --lifetime 1h         time until the token expires: 90s, 30m, 2h, 7d or 01:30:00 (default 1h, at most 365d)
          --token-type app      app puts the permissions in roles, delegated puts them in scp (default app)
          --subject NAME        the sub claim (default graphlite-local)
          --client ID           the appid claim (default graphlite-local)
          --GraphLite:DataFolder=PATH   the folder with the signing key; the server must use the same one
        """;
}
