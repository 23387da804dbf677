using Microsoft.Extensions.Options;

namespace GraphLite.Auth;

/// <summary>
/// Bearer token settings, bound from <c>GraphLite:Auth</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "GraphLite:Auth";

    /// <summary>Microsoft Graph's application id, which Graph names as client_id in its WWW-Authenticate header.</summary>
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    /// <summary>Whether requests need a bearer token. <c>--no-auth</c> sets it to false.</summary>
    public bool Enabled { get; set; } = true;

    public AuthMode Mode { get; set; } = AuthMode.Offline;

    /// <summary>The OIDC issuer's URL, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> (OIDC mode).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience that accepted tokens must carry (OIDC mode).</summary>
    public string? Audience { get; set; }

    /// <summary>The discovery document's URL when it is not under <see cref="Authority"/> (OIDC mode).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Whether the discovery document and keys must come over https (OIDC mode).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The authorization_uri of the WWW-Authenticate header on a 401. Empty: the issuer's authorization endpoint
    /// in OIDC mode, <see cref="OfflineTokenIssuer.Issuer"/> in offline mode.
    /// </summary>
    public string? ChallengeAuthorizationUri { get; set; }

    /// <summary>The client_id of the WWW-Authenticate header on a 401; Graph sends its own application id.</summary>
    public string ChallengeClientId { get; set; } = GraphAppId;
}

/// <summary>Checks <see cref="AuthOptions"/> at start-up, naming the setting at fault.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (!options.Enabled || options.Mode != AuthMode.Oidc)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            failures.Add($"{AuthOptions.SectionName}:Authority must be the absolute URL of the OIDC issuer in OIDC mode; it is '{options.Authority}'.");
        }
        else if (options.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps && string.IsNullOrEmpty(options.MetadataAddress))
        {
            failures.Add($"{AuthOptions.SectionName}:Authority must use https unless {AuthOptions.SectionName}:RequireHttpsMetadata is false; it is '{options.Authority}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{AuthOptions.SectionName}:Audience is required in OIDC mode: the audience (aud) that accepted tokens carry.");
        }

        if (!string.IsNullOrEmpty(options.MetadataAddress)
            && (!Uri.TryCreate(options.MetadataAddress, UriKind.Absolute, out var metadata)
                || (options.RequireHttpsMetadata && metadata.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{AuthOptions.SectionName}:MetadataAddress must be an absolute https URL (or http with RequireHttpsMetadata false); it is '{options.MetadataAddress}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
